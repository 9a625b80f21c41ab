package io.i94lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.i94lake.core.Column;
import io.i94lake.core.ColumnType;
import io.i94lake.core.LakeTable;
import io.i94lake.core.TableCatalog;
import io.i94lake.lake.Lake;
import io.i94lake.transform.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** The catalog says what the lake holds: every table's columns, in order, with their types and meanings. */
class TableCatalogTest {
  private static final Pattern COLUMN_ROW = Pattern.compile("^\\| (`[^|]+) \\| ([^|]*) \\|");
  private static final Pattern NAME = Pattern.compile("`([a-z_0-9]+)`");

  @Test
  void everyTableOfASampleRunHasTheCatalogsColumnsInOrderWithTheirTypesAndMeanings() {
    Lake lake = Fixtures.sampleLake().lake().lake();

    for (LakeTable table : TableCatalog.ALL) {
      Schema schema = lake.icebergTable(table.name()).schema();
      assertThat(schema.columns().stream().map(column -> column.name() + " " + type(column.type())).toList())
          .as("columns of %s", table.name())
          .isEqualTo(table.columns().stream().map(column -> column.name() + " " + column.type()).toList());
      assertThat(schema.columns().stream().map(Types.NestedField::doc).toList()).as("Iceberg docs of %s", table.name())
          .isEqualTo(table.columns().stream().map(Column::meaning).toList());
    }
  }

  @Test
  void aTablesRowsComeFromASourceItsModelReads() {
    for (LakeTable table : TableCatalog.published()) {
      if (table.rowsFrom() != null) {
        assertThat(Model.named(table.name()).sources()).as("sources of %s", table.name()).contains(table.rowsFrom());
      }
    }
  }

  @Test
  void theReadmeDescribesEveryTableWithTheCatalogsColumnsAndTypes() throws IOException {
    String readme = Files.readString(Fixtures.home().resolve("README.md"));
    String tables = readme.substring(readme.indexOf("\n## The tables"), readme.indexOf("\n## How a run works"));
    List<String> sections = Arrays.asList(tables.split("\n### "));

    for (LakeTable table : TableCatalog.ALL) {
      String section = sections.stream().filter(text -> text.lines().findFirst().orElse("").contains("`" + table.name() + "`"))
          .findFirst().orElseThrow(() -> new AssertionError("README has no section on table " + table.name()));
      for (Column column : table.columns()) {
        assertThat(section).as("README on %s", table.name()).contains("`" + column.name() + "`");
      }
      section.lines().map(COLUMN_ROW::matcher).filter(Matcher::find).forEach(row -> {
        List<String> names = NAME.matcher(row.group(1)).results().map(match -> match.group(1)).toList();
        List<String> types = Arrays.stream(row.group(2).split(",")).map(String::strip).filter(type -> !type.isEmpty())
            .map(type -> type.replace("&lt;", "<").replace("&gt;", ">")).toList();
        for (int index = 0; index < names.size() && !types.isEmpty(); index++) {
          String name = names.get(index);
          assertThat(types.get(types.size() == names.size() ? index : 0)).as("README's type of %s.%s", table.name(), name)
              .isEqualTo(table.column(name).map(column -> column.type().toString()).orElse("no such column"));
        }
      });
    }
  }

  private static ColumnType type(Type type) {
    return switch (type.typeId()) {
      case STRING -> ColumnType.STRING;
      case INTEGER -> ColumnType.INT;
      case LONG -> ColumnType.BIGINT;
      case DOUBLE -> ColumnType.DOUBLE;
      case BOOLEAN -> ColumnType.BOOLEAN;
      case DATE -> ColumnType.DATE;
      case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? ColumnType.TIMESTAMP : null;
      case LIST -> type.asListType().elementType().typeId() == Type.TypeID.STRING ? ColumnType.STRING_ARRAY : null;
      default -> null;
    };
  }
}
