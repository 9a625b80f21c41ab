package io.i94lake.engine;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * The number of distinct non-null values of a whole-number column, kept in a compressed bitmap. Spark's
 * {@code count(distinct)} beside other aggregates doubles every row and hashes each key into a map; arrival keys
 * are dense numbers, which a bitmap holds in a few bits each. On the 3.1 million arrivals of April 2016 (local[2]),
 * rows minus distinct cicid beside two shares took 4.3 to 7.6 s with {@code count(DISTINCT)}, 1.2 to 2.8 s with this.
 */
final class DistinctWholeNumbers extends Aggregator<Long, Roaring64NavigableMap, Long> {
  @Override
  public Roaring64NavigableMap zero() {
    return new Roaring64NavigableMap();
  }

  @Override
  public Roaring64NavigableMap reduce(Roaring64NavigableMap values, Long value) {
    if (value != null) {
      values.addLong(value);
    }
    return values;
  }

  @Override
  public Roaring64NavigableMap merge(Roaring64NavigableMap values, Roaring64NavigableMap others) {
    values.or(others);
    return values;
  }

  @Override
  public Long finish(Roaring64NavigableMap values) {
    return values.getLongCardinality();
  }

  @Override
  public Encoder<Roaring64NavigableMap> bufferEncoder() {
    return Encoders.javaSerialization(Roaring64NavigableMap.class);
  }

  @Override
  public Encoder<Long> outputEncoder() {
    return Encoders.LONG();
  }
}
