package io.i94lake.serve;

/** A request the API refuses: its HTTP status and a message saying what was wrong, sent as JSON. */
public final class ApiError extends RuntimeException {
  private final int status;

  public ApiError(int status, String message) {
    super(message);
    if (status < 400 || status > 499) {
      throw new IllegalArgumentException("An API error is a 4xx status, not " + status);
    }
    this.status = status;
  }

  public static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, message);
  }

  public int status() {
    return status;
  }
}
