package io.i94lake.engine;

import io.i94lake.core.Messages;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.command.ExplainCommand;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The one kind of statement a reader runs: a query, or a statement that only describes the lake. Judged on Spark's
 * parsed plan, before anything runs: a plan with a command in it (DROP, DELETE, INSERT, MERGE, CALL, SET, CREATE,
 * CACHE, USE, EXECUTE IMMEDIATE…) is refused, but for the few commands that only show or describe.
 */
public final class SparkReadOnlyStatement {
  private static final Set<String> DESCRIBING_COMMANDS = Set.of("ShowTables", "ShowTablesExtended", "ShowNamespaces",
      "ShowNamespacesCommand", "ShowColumns", "ShowViews", "ShowFunctions", "ShowPartitions", "ShowCreateTable",
      "ShowTableProperties", "DescribeRelation", "DescribeColumn", "DescribeNamespace", "DescribeFunction",
      "DescribeQueryCommand");
  // statements that are no command in Spark's plan, yet run one: a stored procedure, a statement given as text
  private static final Set<String> COMMANDS_IN_DISGUISE = Set.of("Call", "UnresolvedExecuteImmediate");
  // functions that call any Java method of the reader's JVM
  private static final Pattern JAVA_CALLS = Pattern.compile("(?i)\\b(try_)?(reflect|java_method)\\s*\\(");

  private SparkReadOnlyStatement() {}

  /** Fails with a message naming the statement unless it only reads. */
  public static void require(SparkSession spark, String statement) {
    LogicalPlan plan;
    try {
      plan = spark.sessionState().sqlParser().parsePlan(statement);
    } catch (ParseException e) {
      throw new IllegalArgumentException("Cannot run the statement: " + e.getMessage().strip().lines().findFirst().orElse("")
          + (statement.contains(";") ? " (sql takes one statement)" : ""), e);
    }
    String writer = writingNode(plan);
    if (writer == null && JAVA_CALLS.matcher(statement).find()) {
      writer = "a call of a Java method (reflect, java_method)";
    }
    if (writer != null) {
      throw new IllegalArgumentException("Cannot run `" + Messages.oneLine(statement, 60) + "`: sql only reads the lake (one SELECT, "
          + "WITH, SHOW, DESCRIBE or EXPLAIN), and this statement has " + writer + "; nothing was changed");
    }
  }

  // the first node of the plan that could change something, or null
  private static String writingNode(LogicalPlan root) {
    if (DESCRIBING_COMMANDS.contains(root.getClass().getSimpleName())) {
      return null;
    }
    if (root instanceof ExplainCommand explain) {
      return writingNode(explain.logicalPlan());
    }
    Deque<LogicalPlan> plans = new ArrayDeque<>();
    plans.push(root);
    while (!plans.isEmpty()) {
      LogicalPlan plan = plans.pop();
      if (plan instanceof Command || plan instanceof InsertIntoStatement
          || COMMANDS_IN_DISGUISE.contains(plan.getClass().getSimpleName())) {
        return "a command (" + plan.nodeName() + ")";
      }
      CollectionConverters.asJava(plan.children()).forEach(plans::push);
    }
    return null;
  }
}
