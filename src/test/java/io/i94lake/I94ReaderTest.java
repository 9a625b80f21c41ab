package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.i94lake.core.PipelineException;
import io.i94lake.source.I94Reader;
import io.i94lake.source.I94Schema;
import io.i94lake.source.SourceCount;
import io.i94lake.source.SourceRead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The three forms of I-94 files land in one typed Dataset, each row with its file and line. */
class I94ReaderTest {
  private static final Path SAMPLE = Fixtures.sampleRaw().resolve("i94/immigration_data_sample.csv");

  private static I94Reader reader() {
    return new I94Reader(Fixtures.spark());
  }

  @Test
  void readsTheCsvExportWithItsIndexColumnAndFloatStrings() {
    SourceRead read = reader().read(List.of(SAMPLE.toString()));

    assertThat(read.rows().schema().fieldNames()).endsWith(I94Schema.COLUMNS.toArray(String[]::new));
    Row first = read.rows().filter("_line = 2").first();
    assertThat(first.<Double>getAs("cicid")).isEqualTo(4_084_316.0);
    assertThat(first.<Double>getAs("arrdate")).isEqualTo(20_566.0);
    assertThat(first.<String>getAs("i94port")).isEqualTo("HHW");
    assertThat(first.<String>getAs("dtaddto")).isEqualTo("07202016");
    assertThat(first.<String>getAs("visapost")).as("empty field").isNull();
    SourceCount count = read.count();
    assertThat(count.rowsIn()).isEqualTo(1000);
    assertThat(count.rejected()).isZero();
  }

  @Test
  void tellsFormsApartByContentWhenTheNameSaysNothing() throws Exception {
    Path folder = Fixtures.newFolder("no-extension");
    Path csv = Files.copy(SAMPLE, folder.resolve("april-export"));
    assertThat(reader().filesByFormat(List.of(csv.toString()))).containsOnlyKeys(I94Reader.Format.CSV);
    Path sas = Files.copy(Fixtures.home().resolve("src/test/resources/sas7bdat/mix_and_missing.sas7bdat"), folder.resolve("sas-file"));
    assertThat(reader().filesByFormat(List.of(sas.toString()))).containsOnlyKeys(I94Reader.Format.SAS7BDAT);
  }

  @Test
  void aSasFileWithoutTheI94ColumnsIsRefusedNamingThem() {
    String sas = Fixtures.home().resolve("src/test/resources/sas7bdat/mixed_data_one.sas7bdat").toString();

    assertThatThrownBy(() -> reader().read(List.of(sas)))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining(sas)
        .hasMessageContaining("lacks the columns [cicid, i94yr");
  }

  @Test
  void aMissingPathOrAnEmptyFolderIsReported() {
    Path empty = Fixtures.newFolder("empty-i94");
    assertThatThrownBy(() -> reader().read(List.of(empty.resolve("nothing.csv").toString())))
        .hasMessageContaining("no such file or folder");
    assertThatThrownBy(() -> reader().read(List.of(empty.toString())))
        .hasMessageContaining("holds no .parquet, .csv or .sas7bdat file");
  }

  @Test
  void readsTheRealParquetMonthWithRowNumbers() {
    assumeTrue(Fixtures.aprilMonth().isPresent(), "the April 2016 month is not in ../shared/data/raw/sas_data");
    SourceRead read = reader().read(List.of(Fixtures.aprilMonth().get().toString()));

    Map<I94Reader.Format, List<String>> files = reader().filesByFormat(List.of(Fixtures.aprilMonth().get().toString()));
    assertThat(files.get(I94Reader.Format.PARQUET)).as("the _SUCCESS marker is no data file").hasSize(14);
    Row first = read.rows().filter("_line = 1").filter(read.rows().col("_file").endsWith("part-00000-b9542815-7a8d-45fc-9c67-c9c5007ad0d4-c000.snappy.parquet")).first();
    assertThat(first.<Double>getAs("arrdate")).isBetween(20_545.0, 20_574.0);
    assertThat(read.count().rowsIn()).isEqualTo(Fixtures.APRIL_ROWS);
  }
}
