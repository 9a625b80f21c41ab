package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.i94lake.core.PipelineException;
import io.i94lake.pipeline.RawInputs;
import io.i94lake.pipeline.RunOptions;
import io.i94lake.source.RawFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The I-94 files of a raw folder are found by name and content wherever they sit: Udacity's layout (the sample
 * CSV beside the other files, the Parquet month in {@code sas_data/}), a month's file in a subfolder, and ours
 * ({@code i94/}). Built from the real files of the bundled sample, the parso SAS7BDAT test files and, when
 * present, the real April month.
 */
class RawLayoutTest {
  private static final Path SAMPLE_CSV = Fixtures.sampleRaw().resolve("i94/immigration_data_sample.csv");
  private static final Path SAS7BDAT = Fixtures.home().resolve("src/test/resources/sas7bdat");

  /** The bundled sample's files laid out as Udacity ships them: every file at the top, no i94/ folder. */
  private static Path udacityLayout(String name) {
    Path raw = Fixtures.newFolder(name);
    try (Stream<Path> files = Files.list(Fixtures.sampleRaw())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, raw.resolve(file.getFileName()));
      }
      Files.copy(SAMPLE_CSV, raw.resolve("immigration_data_sample.csv"));
      // other data files beside them that are not I-94 files: a SAS7BDAT file and the CSV of its values
      Files.copy(SAS7BDAT.resolve("mixed_data_one.sas7bdat"), raw.resolve("mixed_data_one.sas7bdat"));
      Files.copy(SAS7BDAT.resolve("mixed_data_one.csv"), raw.resolve("mixed_data_one.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return raw;
  }

  private static RawInputs locate(Path raw) {
    return RawInputs.locate(new RawFiles(Fixtures.spark()), RunOptions.of(Fixtures.newFolder("unused-lake").toString(), raw.toString()));
  }

  @Test
  void udacitysLayoutRunsWithTheSampleBesideTheOtherFiles() {
    Path raw = udacityLayout("udacity-raw");
    String lake = Fixtures.newFolder("udacity-lake").toString();
    Cli cli = Cli.run("run", "--raw", raw.toString(), "--lake", lake);
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out()).containsOnlyOnce("i94 input: ").contains("i94 input: " + raw.resolve("immigration_data_sample.csv") + "\n")
        .doesNotContain("mixed_data_one");
    Cli count = Cli.run("sql", "--lake", lake, "--format", "csv", "SELECT count(*) AS arrivals FROM immigration");
    assertThat(count.out()).isEqualTo("arrivals\n1000\n");
  }

  @Test
  void theSampleIsNotReadTwiceWhenTheMonthItComesFromIsThere() throws IOException {
    assumeTrue(Fixtures.aprilMonth().isPresent(), "needs the real April month in ../shared/data/raw/sas_data");
    Path raw = udacityLayout("udacity-raw-with-april");
    Files.createSymbolicLink(raw.resolve("sas_data"), Fixtures.aprilMonth().get());
    RawInputs inputs = locate(raw);
    assertThat(inputs.i94()).containsExactly(raw + "/sas_data");
    assertThat(inputs.i94Skipped()).singleElement().asString().startsWith(raw.resolve("immigration_data_sample.csv").toString());
    assertThat(inputs.i94Description()).startsWith("i94 input: " + raw + "/sas_data; not read: " + raw.resolve("immigration_data_sample.csv"));
  }

  @Test
  void filesWithTheI94ColumnsAreFoundInSubfoldersWhateverTheirName() throws IOException {
    Path raw = udacityLayout("raw-by-content");
    Files.delete(raw.resolve("immigration_data_sample.csv"));
    Path month = Files.createDirectories(raw.resolve("18-83510-I94-Data-2016"));
    Files.copy(SAMPLE_CSV, month.resolve("april-records.csv"));
    Files.copy(SAS7BDAT.resolve("mix_and_missing.sas7bdat"), month.resolve("i94_may16_sub.sas7bdat"));
    List<String> expected = List.of(month.resolve("april-records.csv").toString());
    if (Fixtures.aprilMonth().isPresent()) {
      try (Stream<Path> parts = Files.list(Fixtures.aprilMonth().get())) {
        Path part = parts.filter(file -> file.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
        Files.createSymbolicLink(month.resolve("part-00000.parquet"), part);
        expected = List.of(month.resolve("april-records.csv").toString(), month.resolve("part-00000.parquet").toString());
      }
    }
    assertThat(locate(raw).i94()).as("the I-94 files; not a SAS7BDAT file of other columns").containsExactlyElementsOf(expected);
  }

  @Test
  void ourLayoutKeepsItsI94Folder() {
    RawInputs inputs = locate(Fixtures.sampleRaw());
    assertThat(inputs.i94()).containsExactly(Fixtures.sampleRaw() + "/i94");
    assertThat(inputs.i94Skipped()).isEmpty();
  }

  @Test
  void aRawFolderWithoutI94FilesNamesWhatItLookedFor() throws IOException {
    Path raw = udacityLayout("raw-without-i94");
    Files.delete(raw.resolve("immigration_data_sample.csv"));
    assertThatThrownBy(() -> locate(raw)).isInstanceOf(PipelineException.class)
        .hasMessageContaining("Cannot find I-94 arrivals in " + raw)
        .hasMessageContaining("i94/ or sas_data/")
        .hasMessageContaining("immigration_data_sample.csv or i94_apr16_sub.sas7bdat");
  }
}
