package io.i94lake.transform;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The definition of one table (or of an intermediate relation) as a SQL query, the way dbt and SQLMesh keep
 * models: {@code models/<name>.sql} beside this class. A model names its inputs {@code {{relation}}} and may call
 * the {@link ModelFunctions}; either engine runs it, once given the names it gave the inputs.
 *
 * @param name the relation the model defines
 * @param text the model as written
 * @param inputs the relations it reads, in the order it first names them
 */
public record Model(String name, String text, List<String> inputs) {
  private static final Pattern INPUT = Pattern.compile("\\{\\{\\s*([a-z_][a-z0-9_]*)\\s*}}");

  public Model {
    requireNonNull(name, "name is null");
    requireNonNull(text, "text is null");
    inputs = List.copyOf(inputs);
  }

  /** The model {@code models/<name>.sql}. */
  public static Model named(String name) {
    String resource = resource(name);
    try (InputStream in = Model.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("There is no model " + name + " (" + resource + " beside " + Model.class.getName() + ")");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Set<String> inputs = new LinkedHashSet<>();
      INPUT.matcher(text).results().forEach(match -> inputs.add(match.group(1)));
      return new Model(name, text, List.copyOf(inputs));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read model " + resource, e);
    }
  }

  /** Whether there is a model of that name; a relation a model reads without one is a raw source. */
  public static boolean exists(String name) {
    return Model.class.getResource(resource(name)) != null;
  }

  /** The raw sources the model reads, directly or through other models, in the order it first names them. */
  public Set<String> sources() {
    Set<String> sources = new LinkedHashSet<>();
    for (String input : inputs) {
      if (exists(input)) {
        sources.addAll(named(input).sources());
      } else {
        sources.add(input);
      }
    }
    return sources;
  }

  private static String resource(String name) {
    return "models/" + name + ".sql";
  }

  /**
   * The model as one engine runs it.
   *
   * @param relation the name the engine gave each input
   */
  public String sql(Dialect dialect, Function<String, String> relation) {
    Matcher input = INPUT.matcher(text);
    String withInputs = input.replaceAll(match -> Matcher.quoteReplacement(relation.apply(match.group(1))));
    return new Expansion(withInputs, dialect).all();
  }

  /** Replaces the calls of {@link ModelFunctions} in SQL text, skipping string literals and comments. */
  private static final class Expansion {
    private final String sql;
    private final Dialect dialect;
    private int at;

    Expansion(String sql, Dialect dialect) {
      this.sql = sql;
      this.dialect = dialect;
    }

    String all() {
      return until(-1);
    }

    // the text up to (not including) the first top-level character in stops, or to the end when stops is -1
    private String until(int stop) {
      StringBuilder out = new StringBuilder();
      int depth = 0;
      while (at < sql.length()) {
        char c = sql.charAt(at);
        if (depth == 0 && (c == stop || (stop == ',' && c == ')'))) {
          return out.toString();
        }
        if (c == '\'') {
          int end = sql.indexOf('\'', at + 1);
          out.append(sql, at, end + 1);
          at = end + 1;
        } else if (c == '-' && sql.startsWith("--", at)) {
          int end = sql.indexOf('\n', at);
          at = end < 0 ? sql.length() : end;
        } else if (Character.isLetter(c) || c == '_') {
          out.append(identifierOrCall());
        } else {
          depth += c == '(' ? 1 : c == ')' ? -1 : 0;
          out.append(c);
          at++;
        }
      }
      return out.toString();
    }

    private String identifierOrCall() {
      int start = at;
      while (at < sql.length() && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '_')) {
        at++;
      }
      String word = sql.substring(start, at);
      ModelFunctions.Spelling function = ModelFunctions.ALL.get(word);
      int open = at;
      while (open < sql.length() && sql.charAt(open) == ' ') {
        open++;
      }
      boolean field = start > 0 && sql.charAt(start - 1) == '.';
      if (function == null || field || open >= sql.length() || sql.charAt(open) != '(') {
        return word;
      }
      at = open + 1;
      List<String> arguments = new ArrayList<>();
      while (sql.charAt(at - 1) != ')') {
        arguments.add(until(',').strip());
        at++;
      }
      // a spelling may call other functions (city_id calls normalized_name)
      return new Expansion(function.in(dialect, arguments), dialect).all();
    }
  }
}
