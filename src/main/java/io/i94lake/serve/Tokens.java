package io.i94lake.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The regulators' bearer tokens, one per user ({@code alice=TOKEN,bob=TOKEN2}, or a file with one
 * {@code user=TOKEN} a line). Every user named here has the role {@code regulator}.
 */
public record Tokens(Map<String, String> tokenByUser) {
  public static final int MIN_TOKEN_LENGTH = 16;
  public static final Tokens NONE = new Tokens(Map.of());

  public Tokens {
    tokenByUser = Map.copyOf(tokenByUser);
    tokenByUser.forEach((user, token) -> {
      if (user.isBlank() || !user.matches("[A-Za-z0-9._@-]+")) {
        throw new IllegalArgumentException("Cannot use user name '" + user + "' for a token: use letters, digits, . _ @ -");
      }
      if (token.length() < MIN_TOKEN_LENGTH || token.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("Cannot use the token of " + user + ": it has " + token.length()
            + " characters, expected at least " + MIN_TOKEN_LENGTH + " and no spaces");
      }
    });
    if (tokenByUser.values().stream().distinct().count() != tokenByUser.size()) {
      throw new IllegalArgumentException("Cannot use the tokens: two users have the same token");
    }
  }

  /** Reads {@code alice=TOKEN,bob=TOKEN2}. */
  public static Tokens parse(String text, String origin) {
    return new Tokens(pairs(List.of(text.split(",")), origin));
  }

  /** Reads a file of {@code user=TOKEN} lines; blank lines and lines starting with # are skipped. */
  public static Tokens read(Path file) {
    try {
      return new Tokens(pairs(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the tokens file " + file, e);
    }
  }

  public Tokens and(Tokens more) {
    Map<String, String> all = new LinkedHashMap<>(tokenByUser);
    all.putAll(more.tokenByUser);
    return new Tokens(all);
  }

  /** The user holding a token; each known token is compared in constant time. */
  public Optional<String> user(String token) {
    byte[] given = token.getBytes(StandardCharsets.UTF_8);
    String found = null;
    for (Map.Entry<String, String> entry : tokenByUser.entrySet()) {
      if (MessageDigest.isEqual(given, entry.getValue().getBytes(StandardCharsets.UTF_8))) {
        found = entry.getKey();
      }
    }
    return Optional.ofNullable(found);
  }

  private static Map<String, String> pairs(List<String> entries, String origin) {
    Map<String, String> pairs = new LinkedHashMap<>();
    int number = 0;
    for (String entry : entries) {
      number++;
      String trimmed = entry.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("Cannot read token " + number + " of " + origin + ": expected user=TOKEN, found "
            + (trimmed.length() > 3 ? trimmed.substring(0, 3) + "…" : trimmed));
      }
      pairs.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
    }
    return pairs;
  }
}
