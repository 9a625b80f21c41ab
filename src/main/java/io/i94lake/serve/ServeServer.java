package io.i94lake.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.i94lake.engine.LakeReading;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code i94lake serve}: the JSON API and the dashboard over the lake's published tables. Public answers are
 * aggregates only and are written once per snapshot; regulator answers need a bearer token. Every JSON answer
 * names the snapshots it was answered from.
 */
public final class ServeServer implements AutoCloseable {
  static final List<String> VISA_CATEGORIES = List.of("Business", "Pleasure", "Student");
  static final List<String> TRAVEL_MODES = List.of("Air", "Sea", "Land", "Not reported");
  private static final String WEB = "/io/i94lake/serve/web";
  private static final Map<String, String> STATIC_FILE_TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml; charset=utf-8",
      "json", "application/json; charset=utf-8");
  // the dashboard runs only its own scripts (no inline script, no eval) and cannot be framed
  static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      "X-Frame-Options", "DENY",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer");
  static final String ALLOWED_METHODS = "GET, HEAD";

  private final CompletableFuture<LakeWatcher> loading;
  private final Tokens tokens;
  private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  private final Javalin app;

  private ServeServer(CompletableFuture<LakeWatcher> loading, Tokens tokens) {
    this.loading = loading;
    this.tokens = tokens;
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      // the charts library comes from its WebJar; its files never change under a version, so browsers keep them
      staticFiles(config, "/webjars", "META-INF/resources/webjars", Map.of("Cache-Control", "max-age=31622400"));
      staticFiles(config, "/", WEB, Map.of());
      config.http.defaultContentType = "application/json";
      config.http.prefer405over404 = true;
    });
    routes();
  }

  // Jetty names no charset ("text/html;charset=null") unless told the type of each extension
  private static void staticFiles(JavalinConfig config, String hostedPath, String directory, Map<String, String> headers) {
    config.staticFiles.add(files -> {
      files.hostedPath = hostedPath;
      files.directory = directory;
      files.location = Location.CLASSPATH;
      files.headers = headers;
      STATIC_FILE_TYPES.forEach((extension, type) -> files.mimeTypes.add(type, extension));
    });
  }

  /** Loads the lake's published tables and starts answering on host:port (port 0: any free port). */
  public static ServeServer start(LakeReading lake, String host, int port, Tokens tokens, Duration refreshInterval) {
    // the web server starts while the published tables load; a request that comes meanwhile waits for them
    CompletableFuture<LakeWatcher> loading = CompletableFuture.supplyAsync(() -> new LakeWatcher(lake, refreshInterval));
    ServeServer server = new ServeServer(loading, tokens);
    try {
      server.app.start(host, port);
      loading.join();
      return server;
    } catch (CompletionException e) {
      server.app.stop();
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    } catch (RuntimeException e) {
      server.app.stop();
      loading.thenAccept(LakeWatcher::close);
      throw e;
    }
  }

  public int port() {
    return app.port();
  }

  /** What {@code /api/snapshot} says, for the command line's start message. */
  public String describe() {
    ServedLake lake = watcher().hold();
    try {
      return String.format("%,d arrivals (%,d groups of counts) at immigration snapshot %d, loaded in %.1f s",
          lake.arrivals, lake.countGroups, lake.version.snapshot("immigration"), lake.loadTime.toMillis() / 1000.0);
    } finally {
      lake.release();
    }
  }

  @Override
  public void close() {
    app.stop();
    loading.thenAccept(LakeWatcher::close);
  }

  private LakeWatcher watcher() {
    return loading.join();
  }

  private void routes() {
    app.before(context -> SECURITY_HEADERS.forEach(context::header));
    app.get("/health", served((context, lake) -> send(context, lake, Map.of("status", "ok"))));
    app.get("/api/snapshot", served((context, lake) -> {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("published_by_run", lake.version.publishedBy());
      answer.put("arrivals", lake.arrivals);
      answer.put("count_groups", lake.countGroups);
      answer.put("load_seconds", lake.loadTime.toMillis() / 1000.0);
      send(context, lake, answer);
    }));
    app.get("/api/runs", served((context, lake) -> send(context, lake, Map.of("runs", watcher().runStatus().runs()))));

    app.get("/api/destinations/states", publicAnswer((answers, params) -> Map.of("states", answers.states())));
    app.get("/api/destinations/states/{code}", publicAnswer((answers, params) -> answers.state(params.path("code"))));
    app.get("/api/destinations/cities/{city_id}", publicAnswer((answers, params) -> answers.city(params.id("city_id"))));
    app.get("/api/search", publicAnswer((answers, params) -> {
      String text = params.text("q");
      if (text == null) {
        throw ApiError.badRequest("Give the city or state name to search for as q, e.g. /api/search?q=boston");
      }
      return answers.search(text);
    }));
    app.get("/api/arrivals", publicAnswer((answers, params) -> answers.arrivals(arrivalFilter(answers, params), params.top())));
    app.get("/api/arrivals/choices", publicAnswer((answers, params) -> answers.choices()));
    app.get("/api/map", publicAnswer((answers, params) -> answers.map(arrivalFilter(answers, params))));
    app.get("/api/map/states", publicAnswer((answers, params) -> UsStatesMap.geoJson()));
    app.get("/api/map/airports", publicAnswer((answers, params) -> answers.mapAirports()));

    app.get("/api/regulator/arrivals/{cicid}", regulator(context -> {
      long cicid = new Params(context).id("cicid");
      served((served, lake) -> send(served, lake, Map.of("record", lake.arrival(cicid)))).handle(context);
    }));
    app.get("/api/regulator/admissions/{admission_number}", regulator(context -> {
      long number = new Params(context).id("admission_number");
      served((served, lake) -> send(served, lake, Map.of("records",
          lake.query(sql -> new RegulatorAnswers(sql).byAdmissionNumber(number))))).handle(context);
    }));
    app.get("/api/regulator/arrivals", regulator(context -> {
      ListRequest request = new ListRequest(context);
      String port = request.params.text("port");
      LocalDate from = request.params.date("from", null);
      LocalDate to = request.params.date("to", null);
      if (from != null && to != null && to.isBefore(from)) {
        throw ApiError.badRequest("to " + to + " is before from " + from);
      }
      request.answer("arrivals", answers -> answers.arrivalsAt(port == null ? null : port.toUpperCase(), from, to), false);
    }));
    app.get("/api/regulator/permits-ending", regulator(context -> {
      ListRequest request = new ListRequest(context);
      LocalDate asOf = request.params.date("as_of", LocalDate.now(ZoneOffset.UTC));
      int withinDays = request.params.integer("within_days", 30, 0, 3660);
      request.answer("permits-ending-" + asOf, answers -> answers.permitsEnding(asOf, withinDays), false);
    }));
    app.get("/api/regulator/overstays", regulator(context -> {
      ListRequest request = new ListRequest(context);
      LocalDate asOf = request.params.date("as_of", LocalDate.now(ZoneOffset.UTC));
      request.answer("overstays-" + asOf, answers -> answers.overstays(asOf), true);
    }));

    app.exception(ApiError.class, (error, context) -> fail(context, error.status(), error.getMessage()));
    app.exception(Exception.class, (error, context) -> {
      System.err.println("i94lake serve: " + context.method() + " " + context.path() + " failed:");
      error.printStackTrace();
      fail(context, 500, "The server could not answer " + context.path() + " (" + error.getClass().getSimpleName()
          + "); its log has the details");
    });
    app.error(405, context -> {
      context.header("Allow", ALLOWED_METHODS);
      fail(context, 405, context.method() + " is not allowed on " + context.path() + ": it answers GET and HEAD only");
    });
    app.error(404, context -> {
      if (context.attribute("answered-with-error") == null) {
        fail(context, 404, "Nothing is at " + context.path() + "; the API is listed at /api");
      }
    });
    app.get("/api", served((context, lake) -> send(context, lake, Map.of("endpoints", ENDPOINTS))));
  }

  static final List<String> ENDPOINTS = List.of("/health", "/api/snapshot", "/api/runs", "/api/destinations/states",
      "/api/destinations/states/{code}", "/api/destinations/cities/{city_id}", "/api/search?q=", "/api/arrivals",
      "/api/arrivals/choices", "/api/map", "/api/map/states", "/api/map/airports",
      "/api/regulator/arrivals/{cicid}", "/api/regulator/admissions/{admission_number}", "/api/regulator/arrivals",
      "/api/regulator/permits-ending", "/api/regulator/overstays");

  private static ArrivalFilter arrivalFilter(PublicAnswers answers, Params params) {
    String month = params.month("month");
    String fromMonth = params.month("from_month");
    String toMonth = params.month("to_month");
    if (month != null && (fromMonth != null || toMonth != null)) {
      throw ApiError.badRequest("Give either month or from_month and to_month, not both");
    }
    List<Integer> countries = params.list("residence_country").stream().map(code -> Params.integer("residence_country",
        code, 0, 999)).distinct().toList();
    List<String> ports = params.list("port").stream().map(port -> port.toUpperCase(Locale.ROOT)).distinct().toList();
    ports.stream().filter(port -> !answers.isPort(port)).findFirst().ifPresent(port -> {
      throw ApiError.badRequest("port '" + port + "' is not a port of entry code such as NYC");
    });
    List<String> states = params.list("destination_state").stream().map(state -> state.toUpperCase(Locale.ROOT)).distinct().toList();
    states.stream().filter(state -> !answers.isState(state)).findFirst().ifPresent(state -> {
      throw ApiError.badRequest("destination_state '" + state + "' is not a US state code such as CA");
    });
    return new ArrivalFilter(month != null ? month : fromMonth, month != null ? month : toMonth, countries,
        params.allOf("visa_category", VISA_CATEGORIES), params.allOf("travel_mode", TRAVEL_MODES), ports, null, states);
  }

  private interface LakeHandler {
    void handle(Context context, ServedLake lake) throws Exception;
  }

  // answers from the version current when the request came, held until the answer is written
  private Handler served(LakeHandler handler) {
    return context -> {
      ServedLake lake = watcher().hold();
      try {
        handler.handle(context, lake);
      } finally {
        lake.release();
      }
    };
  }

  private interface Answer {
    Object answer(PublicAnswers answers, Params params);
  }

  // a public answer is written once per snapshot and request, then sent as stored bytes
  private Handler publicAnswer(Answer answer) {
    return served((context, lake) -> {
      String request = context.path() + "?" + java.util.Objects.requireNonNullElse(context.queryString(), "");
      byte[] body = lake.answer(request, () -> write(envelope(lake,
          lake.query(sql -> answer.answer(new PublicAnswers(sql), new Params(context))))));
      context.header("I94lake-Snapshot", String.valueOf(lake.version.snapshot("immigration")));
      context.contentType("application/json").result(body);
    });
  }

  // regulators only: no token or a wrong one gets 401 before anything about the record is looked at
  private Handler regulator(Handler handler) {
    return context -> {
      String header = context.header("Authorization");
      if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        context.header("WWW-Authenticate", "Bearer realm=\"i94lake regulators\"");
        throw new ApiError(401, "This is for regulators: send your token as the header 'Authorization: Bearer TOKEN'");
      }
      String user = tokens.user(header.substring(7).strip()).orElse(null);
      if (user == null) {
        context.header("WWW-Authenticate", "Bearer realm=\"i94lake regulators\", error=\"invalid_token\"");
        throw new ApiError(401, "The token is not valid: ask for a regulator token");
      }
      context.attribute("user", user);
      context.header("Cache-Control", "no-store");
      handler.handle(context);
    };
  }

  /** A regulator list: one page as JSON, or every row as CSV with format=csv. */
  private final class ListRequest {
    final Context context;
    final Params params;
    final int page;
    final int pageSize;
    final boolean csv;

    ListRequest(Context context) {
      this.context = context;
      this.params = new Params(context);
      this.page = params.page();
      this.pageSize = params.pageSize();
      this.csv = params.csv();
    }

    void answer(String name, Function<RegulatorAnswers, RegulatorAnswers.RecordList> list, boolean withCounts) throws Exception {
      served((context, lake) -> lake.query(sql -> {
        RegulatorAnswers answers = new RegulatorAnswers(sql);
        RegulatorAnswers.RecordList records = list.apply(answers);
        if (csv) {
          sendCsv(context, lake, answers, records, name + ".csv");
          return null;
        }
        Map<String, Object> answer = answers.page(records, page, pageSize);
        if (withCounts) {
          answer.put("counts", answers.countsOf(records));
        }
        send(context, lake, answer);
        return null;
      })).handle(context);
    }
  }

  private void sendCsv(Context context, ServedLake lake, RegulatorAnswers answers, RegulatorAnswers.RecordList records,
                       String fileName) {
    context.contentType("text/csv; charset=utf-8");
    context.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    context.header("I94lake-Snapshot", String.valueOf(lake.version.snapshot("immigration")));
    try {
      BufferedWriter out = new BufferedWriter(new OutputStreamWriter(context.outputStream(), StandardCharsets.UTF_8), 1 << 16);
      out.write(String.join(",", RegulatorAnswers.COLUMNS));
      out.write("\r\n");
      answers.forEachRecord(records, record -> {
        try {
          out.write(record.values().stream().map(ServeServer::csvField).collect(Collectors.joining(",")));
          out.write("\r\n");
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot send the CSV export", e);
        }
      });
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot send the CSV export", e);
    }
  }

  private static String csvField(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
        ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  private Map<String, Object> envelope(ServedLake lake, Object answer) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("snapshots", lake.version.snapshotIds());
    envelope.put("published_at", lake.version.publishedAt().toString());
    if (answer instanceof Map<?, ?> fields) {
      fields.forEach((key, value) -> envelope.put(String.valueOf(key), value));
    } else {
      envelope.put("answer", answer);
    }
    return envelope;
  }

  private void send(Context context, ServedLake lake, Object answer) {
    context.header("I94lake-Snapshot", String.valueOf(lake.version.snapshot("immigration")));
    context.contentType("application/json").result(write(envelope(lake, answer)));
  }

  private void fail(Context context, int status, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("status", status);
    error.put("error", message);
    context.attribute("answered-with-error", true);
    context.status(status).contentType("application/json").result(write(error));
  }

  private byte[] write(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write an answer as JSON", e);
    }
  }
}
