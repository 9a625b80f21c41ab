package io.i94lake.generate;

import java.io.IOException;

/** Writes generated I-94 records to one file in one of the forms the I-94 reader takes. */
interface ArrivalWriter extends AutoCloseable {
  void write(ArrivalRecord record) throws IOException;

  @Override
  void close() throws IOException;
}
