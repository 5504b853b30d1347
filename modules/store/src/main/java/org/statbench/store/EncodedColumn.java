package org.statbench.store;

import java.util.List;
import org.statbench.core.data.Code;
import org.statbench.core.data.VariableType;

/**
 * One imported variable as the catalogue records it; its chunks and dictionary are already in the
 * column file (see {@link ChunkSink}).
 *
 * @param dictionarySize number of dictionary entries, 0 for numbers and dates
 * @param codes codelist with labels and counts for CATEGORICAL variables, else empty
 */
record EncodedColumn(
    String name,
    String label,
    VariableType type,
    Storage storage,
    long missing,
    int dictionarySize,
    List<Code> codes) {}
