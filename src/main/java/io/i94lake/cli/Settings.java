package io.i94lake.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults for every option, first from the environment ({@code --max-rejected-share} ← {@code I94LAKE_MAX_REJECTED_SHARE}),
 * then from a properties file ({@code max-rejected-share=0.05}) named by {@code I94LAKE_CONFIG} or found as
 * {@code ./i94lake.properties}, then for S3 options the AWS SDK's variables ({@code AWS_ACCESS_KEY_ID}, …), else the
 * option's own default. The command line wins over all of them.
 */
public final class Settings implements IDefaultValueProvider {
  public static final String CONFIG_VARIABLE = "I94LAKE_CONFIG";
  public static final String DEFAULT_CONFIG_FILE = "i94lake.properties";

  /** The AWS SDK's own variables, used when neither an I94LAKE_ variable nor the file sets an S3 option. */
  private static final Map<String, List<String>> STANDARD_VARIABLES = Map.of(
      "s3-endpoint", List.of("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"),
      "s3-region", List.of("AWS_REGION", "AWS_DEFAULT_REGION"),
      "s3-access-key", List.of("AWS_ACCESS_KEY_ID"),
      "s3-secret-key", List.of("AWS_SECRET_ACCESS_KEY"),
      "s3-session-token", List.of("AWS_SESSION_TOKEN"));

  private final Map<String, String> environment;
  private final Properties file;

  public Settings(Map<String, String> environment) {
    this.environment = environment;
    this.file = load(environment.getOrDefault(CONFIG_VARIABLE, DEFAULT_CONFIG_FILE), environment.containsKey(CONFIG_VARIABLE));
  }

  @Override
  public String defaultValue(ArgSpec argument) {
    if (!(argument instanceof OptionSpec option)) {
      return null;
    }
    String key = option.longestName().replaceFirst("^-+", "");
    String variable = "I94LAKE_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    String value = environment.get(variable);
    if (value == null) {
      value = file.getProperty(key);
    }
    for (String standard : STANDARD_VARIABLES.getOrDefault(key, List.of())) {
      value = value != null ? value : environment.get(standard);
    }
    return value;
  }

  /** The folder the launcher runs from: the bundled sample and config live below it. */
  public static String home() {
    String home = System.getProperty("i94lake.home", System.getenv("I94LAKE_HOME"));
    return home == null ? "." : home;
  }

  private static Properties load(String location, boolean required) {
    Properties properties = new Properties();
    Path path = Path.of(location);
    if (!Files.exists(path)) {
      if (required) {
        throw new IllegalArgumentException("Cannot read config file " + location + " named by " + CONFIG_VARIABLE + ": it does not exist");
      }
      return properties;
    }
    try (InputStream input = Files.newInputStream(path)) {
      properties.load(input);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read config file " + location, e);
    }
  }
}
