package io.i94lake.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.duckdb.DuckDBConnection;

/**
 * One in-memory DuckDB database, seen through one connection per thread: a JDBC connection runs one statement at a
 * time, so tasks that run together each need their own, and they all see the same tables. {@link #connection()} is
 * the connection of whichever thread uses it. The statements a task starts (see {@link #inTask}) are kept, so that a
 * task past its timeout can be stopped: {@link #cancel} interrupts them and leaves the other tasks' running.
 */
public final class DuckDbConnections implements AutoCloseable {
  private final DuckDBConnection database;
  private final DuckDbSettings settings;
  private final List<Connection> opened = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Connection> ofThread = ThreadLocal.withInitial(this::open);
  private final ThreadLocal<String> taskOfThread = new ThreadLocal<>();
  private final Map<String, List<Statement>> statementsOfTask = new ConcurrentHashMap<>();
  private final Connection connection;

  public DuckDbConnections(DuckDbSettings settings) throws SQLException {
    this.database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    this.settings = settings;
    settings.applyTo(database);
    this.connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, arguments) -> onThreadConnection(method, arguments));
  }

  /** The connection of the calling thread (its own, opened on first use). */
  public Connection connection() {
    return connection;
  }

  /** Runs a task's work on this thread, keeping the statements it starts until it ends. */
  void inTask(String task, Runnable work) {
    taskOfThread.set(task);
    statementsOfTask.put(task, new CopyOnWriteArrayList<>());
    try {
      work.run();
    } finally {
      statementsOfTask.remove(task);
      taskOfThread.remove();
    }
  }

  /** Interrupts the statements of a task that are running; its next statements run as usual. */
  void cancel(String task) {
    for (Statement statement : statementsOfTask.getOrDefault(task, List.of())) {
      try {
        statement.cancel();
      } catch (SQLException closed) {
        // the statement was done and closed
      }
    }
  }

  @Override
  public void close() throws SQLException {
    for (Connection each : opened) {
      each.close();
    }
    database.close();
  }

  private Connection open() {
    try {
      Connection duplicate = database.duplicate();
      settings.applyToSession(duplicate);
      opened.add(duplicate);
      return duplicate;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot open another DuckDB connection: " + e.getMessage(), e);
    }
  }

  private Object onThreadConnection(Method method, Object[] arguments) throws Throwable {
    Object result;
    try {
      result = method.invoke(ofThread.get(), arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    String task = taskOfThread.get();
    if (result instanceof Statement statement && task != null) {
      statementsOfTask.get(task).add(statement);
    }
    return result;
  }
}
