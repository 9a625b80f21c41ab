package io.i94lake.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults for every option, first from the environment ({@code --max-rejected-share} ← {@code I94LAKE_MAX_REJECTED_SHARE}),
 * then from a properties file ({@code max-rejected-share=0.05}) named by {@code I94LAKE_CONFIG} or found as
 * {@code ./i94lake.properties}, else the option's own default. The command line wins over all of them.
 */
public final class Settings implements IDefaultValueProvider {
  public static final String CONFIG_VARIABLE = "I94LAKE_CONFIG";
  public static final String DEFAULT_CONFIG_FILE = "i94lake.properties";

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
    return value != null ? value : file.getProperty(key);
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
