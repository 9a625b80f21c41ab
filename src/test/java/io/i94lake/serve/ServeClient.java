package io.i94lake.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.i94lake.Cli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A real HTTP client of a server on loopback, and the same question asked through {@code i94lake sql}. */
record ServeClient(int port) {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  record Answer(int status, String body, HttpResponse<String> response) {
    JsonNode json() {
      return parse(body);
    }
  }

  Answer get(String path) {
    return get(path, null);
  }

  Answer get(String path, String token) {
    return send("GET", path, token);
  }

  /** A request with any method (POST, PUT, DELETE ...) and no body. */
  Answer send(String method, String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A JSON answer that must be 200. */
  JsonNode json(String path, String token) {
    Answer answer = get(path, token);
    if (answer.status() != 200) {
      throw new AssertionError("GET " + path + " answered " + answer.status() + ": " + answer.body());
    }
    return answer.json();
  }

  JsonNode json(String path) {
    return json(path, null);
  }

  /** The rows of {@code i94lake sql QUERY --format json} on a lake. */
  static JsonNode sql(String lake, String query) {
    Cli cli = Cli.run("sql", "--lake", lake, "--format", "json", query);
    if (cli.exitCode() != 0) {
      throw new AssertionError("i94lake sql failed: " + cli.err());
    }
    return parse(cli.out());
  }

  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + text, e);
    }
  }
}
