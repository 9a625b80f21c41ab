package io.i94lake.quality;

import static java.util.Objects.requireNonNull;

/** A named metric and the rule its observed value must follow: "port_code found in port" ≥ 0.99. */
public record Constraint(String name, Metric metric, Rule rule) {
  public Constraint {
    requireNonNull(name, "name is null");
    requireNonNull(metric, "metric is null");
    requireNonNull(rule, "rule is null");
  }
}
