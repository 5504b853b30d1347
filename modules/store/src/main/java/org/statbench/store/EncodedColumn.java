package org.statbench.store;

import java.util.List;
import org.statbench.core.data.Code;
import org.statbench.core.data.VariableType;

/**
 * One parsed variable ready to be written: its value chunks in the column-file layout and, for
 * dictionary-encoded variables, the serialised dictionary and the codelist.
 *
 * @param chunks value chunks of {@link ColumnFile#CHUNK_ROWS} records each (the last may be
 *     shorter)
 * @param dictionarySize number of dictionary entries, 0 for numbers and dates
 * @param dictionaryChunks the dictionary in {@link ColumnFile#DICTIONARY_CHUNK} entry chunks
 * @param codes codelist with labels and counts for CATEGORICAL variables, else empty
 */
record EncodedColumn(
    String name,
    String label,
    VariableType type,
    Storage storage,
    long missing,
    List<byte[]> chunks,
    int dictionarySize,
    List<byte[]> dictionaryChunks,
    List<Code> codes) {}
