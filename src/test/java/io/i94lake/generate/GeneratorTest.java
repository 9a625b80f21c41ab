package io.i94lake.generate;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.i94lake.Fixtures;
import io.i94lake.engine.SparkLake;
import io.i94lake.pipeline.RunSummary;
import io.i94lake.source.I94Reader;
import io.i94lake.source.SourceCount;
import io.i94lake.source.SourceRead;
import io.i94lake.engine.SparkModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Generated raw folders: accepted by the pipeline with exact row accounting, deterministic, streaming in chunks. */
class GeneratorTest {
  private static final List<YearMonth> MONTHS = List.of(YearMonth.of(2016, 3), YearMonth.of(2016, 4));
  private static final long ROWS = 20_000;
  private static final DirtyRows DIRTY = DirtyRows.ofShare("0.001");

  @Test
  void generatedMonthsPassThroughThePipelineWithEveryDirtyRecordRejected() {
    Path raw = generate("pipeline", ArrivalFormat.PARQUET, 42, 4, List.of(), 2);
    Path lake = Fixtures.newFolder("generated-lake");

    RunSummary summary = Fixtures.run(raw, lake);

    long dirty = DIRTY.count(0, ROWS) * MONTHS.size();
    assertThat(dirty).as("dirty records of two months of 20,000 at 0.1%").isEqualTo(40);
    SourceCount arrivals = summary.source(I94Reader.SOURCE);
    assertThat(arrivals.rowsIn()).as("I-94 records in").isEqualTo(ROWS * MONTHS.size());
    assertThat(arrivals.rejected()).as("I-94 records rejected").isEqualTo(dirty);
    assertThat(arrivals.accepted()).as("I-94 records accepted").isEqualTo(ROWS * MONTHS.size() - dirty);
    assertThat(summary.months()).isEqualTo(MONTHS);
    SparkLake opened = SparkLake.open(Fixtures.spark(), lake.toString());
    assertThat(opened.read("immigration").groupBy("month").count().orderBy("month").collectAsList()).extracting(row -> row.getInt(0) + "=" + row.getLong(1))
        .containsExactly("3=" + (ROWS - DIRTY.count(0, ROWS)), "4=" + (ROWS - DIRTY.count(0, ROWS)));
    assertThat(opened.read("rejects").filter("source = 'i94'").count())
        .as("rejects of I-94").isEqualTo(dirty);
    assertThat(summary.table("us_weather").write().rowsWritten()).as("US cities of the temperature file with a state").isGreaterThan(15);
  }

  @Test
  void csvFormsAreReadWithTheSameRejects() {
    for (ArrivalFormat format : List.of(ArrivalFormat.CSV, ArrivalFormat.SAS_CSV)) {
      Path raw = generate(format.label(), format, 42, 2, List.of(), 2);
      SourceRead read = new I94Reader(Fixtures.spark()).read(List.of(raw.resolve("i94").toString()));
      SourceRead dated = new SparkModels(Fixtures.spark(), "generator-test").dated(read);
      Dataset<Row> decoded = dated.rows();
      SourceCount count = dated.count();

      assertThat(count.rowsIn()).as(format + " records in").isEqualTo(ROWS * MONTHS.size());
      assertThat(count.rejected()).as(format + " records rejected").isEqualTo(DIRTY.count(0, ROWS) * MONTHS.size());
      assertThat(decoded.filter(col("_error").isNull()).select("year", "month").distinct().count()).as(format + " months").isEqualTo(2);
    }
    String pandas = firstLines(generate("pandas-head", ArrivalFormat.CSV, 42, 1, List.of(), 1), 2);
    assertThat(pandas).as("pandas form: unnamed index column, float strings")
        .startsWith(",cicid,i94yr,i94mon,").contains("\n0,").contains(",2016.0,3.0,");
    String sas = firstLines(generate("sas-head", ArrivalFormat.SAS_CSV, 42, 1, List.of(), 1), 2);
    assertThat(sas).as("SAS export form: no index column, whole numbers").startsWith("cicid,i94yr,").contains(",2016,3,");
  }

  @Test
  void theSameSeedGivesByteIdenticalFilesWhateverTheThreadsAndChunkSelection() {
    Path oneThread = generate("one-thread", ArrivalFormat.PARQUET, 7, 4, List.of(), 1);
    Path threeThreads = generate("three-threads", ArrivalFormat.PARQUET, 7, 4, List.of(), 3);
    Path someChunks = generate("some-chunks", ArrivalFormat.PARQUET, 7, 4, List.of(1, 3), 2);
    Path otherSeed = generate("other-seed", ArrivalFormat.PARQUET, 8, 4, List.of(), 2);

    Map<String, byte[]> expected = contents(oneThread);
    assertThat(expected).as("files: the companions and 4 chunks a month").hasSize(Generator.COPIED.size() + 1 + MONTHS.size() * 4);
    assertThat(contents(threeThreads)).as("files written by three threads").containsExactlyEntriesOf(expected);
    Map<String, byte[]> selected = contents(someChunks);
    assertThat(selected.keySet()).as("files of chunks 1 and 3").contains("i94/i94_2016-03_part-00001.parquet", "i94/i94_2016-04_part-00003.parquet")
        .doesNotContain("i94/i94_2016-03_part-00000.parquet", "i94/i94_2016-04_part-00002.parquet");
    selected.forEach((file, bytes) -> assertThat(bytes).as(file + " written alone").isEqualTo(expected.get(file)));
    assertThat(contents(otherSeed).get("i94/i94_2016-04_part-00000.parquet")).as("another seed")
        .isNotEqualTo(expected.get("i94/i94_2016-04_part-00000.parquet"));
  }

  @Test
  void dirtyRecordsAreExactlyTheShareOfEveryMonthWhateverTheChunks() {
    DirtyRows rows = DirtyRows.ofShare("0.000025");
    assertThat(rows.count(0, 3_000_000)).isEqualTo(75);
    assertThat(rows.count(0, 1_000_000) + rows.count(1_000_000, 3_000_000)).isEqualTo(75);
    assertThatThrownBy(() -> DirtyRows.ofShare("0.0000001")).hasMessageContaining("to the millionth");
    assertThatThrownBy(() -> GenerateOptions.parseChunks("3..1")).hasMessageContaining("ends before it starts");
  }

  private static Path generate(String name, ArrivalFormat format, long seed, int chunks, List<Integer> onlyChunks, int threads) {
    Path out = Fixtures.newFolder("generated-" + name);
    GenerateOptions options = new GenerateOptions(out, MONTHS, ROWS, seed, format, chunks, onlyChunks, threads, DIRTY, Fixtures.sampleRaw());
    try {
      Generator.Result result = new Generator(options, null, false).run();
      assertThat(result.rows()).isEqualTo(ROWS * MONTHS.size() * (onlyChunks.isEmpty() ? chunks : onlyChunks.size()) / chunks);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Map<String, byte[]> contents(Path folder) {
    Map<String, byte[]> contents = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        contents.put(folder.relativize(file).toString(), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return contents;
  }

  private static String firstLines(Path raw, int count) {
    try (Stream<Path> files = Files.list(raw.resolve("i94")); Stream<String> lines = Files.lines(files.sorted().findFirst().orElseThrow())) {
      return String.join("\n", lines.limit(count).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
