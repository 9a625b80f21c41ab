package io.i94lake.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What a standalone master reports on its web UI's JSON page ({@code /json/}): its state, workers and applications. */
public record MasterStatus(String url, String state, List<Worker> workers, List<Application> activeApplications,
    List<Application> completedApplications) {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public MasterStatus {
    workers = List.copyOf(workers);
    activeApplications = List.copyOf(activeApplications);
    completedApplications = List.copyOf(completedApplications);
  }

  /** A worker as the master sees it; memory in MiB. */
  public record Worker(String id, String host, String webUrl, int cores, int coresUsed, long memoryMib, long memoryUsedMib, String state) {
    public boolean alive() {
      return "ALIVE".equals(state);
    }
  }

  /** An application (a driver's session) and the cores it holds. */
  public record Application(String id, String name, int cores, String state) {}

  public long aliveWorkers() {
    return workers.stream().filter(Worker::alive).count();
  }

  /** Asks the master's web UI, e.g. {@code http://127.0.0.1:8080}. */
  public static MasterStatus fetch(String masterWebUrl) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(masterWebUrl + "/json/")).timeout(Duration.ofSeconds(5)).build();
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("Cannot read the master's status at " + request.uri() + ": HTTP " + response.statusCode());
      }
      return parse(new ObjectMapper().readTree(response.body()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while asking the master at " + masterWebUrl, e);
    }
  }

  static MasterStatus parse(JsonNode json) {
    List<Worker> workers = new ArrayList<>();
    json.path("workers").forEach(worker -> workers.add(new Worker(worker.path("id").asText(), worker.path("host").asText(), worker.path("webuiaddress").asText(),
        worker.path("cores").asInt(), worker.path("coresused").asInt(), worker.path("memory").asLong(),
        worker.path("memoryused").asLong(), worker.path("state").asText())));
    return new MasterStatus(json.path("url").asText(), json.path("status").asText(), workers,
        applications(json.path("activeapps")), applications(json.path("completedapps")));
  }

  private static List<Application> applications(JsonNode list) {
    List<Application> applications = new ArrayList<>();
    list.forEach(application -> applications.add(new Application(application.path("id").asText(),
        application.path("name").asText(), application.path("cores").asInt(), application.path("state").asText())));
    return applications;
  }
}
