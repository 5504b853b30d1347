/**
 * The workspace store: an H2 database holding the catalogue (datasets, variables, codelists,
 * derived variables, audit log) and the data as dictionary-encoded column chunks, plus the fast,
 * atomic CSV import that fills it. The only module that talks to H2.
 *
 * <p><b>Layout of a workspace folder.</b> {@code catalogue.mv.db} is an H2 SQL database with the
 * tables {@code sb_dataset}, {@code sb_variable}, {@code sb_code} and {@code sb_audit}; every name
 * (dataset, variable, code) is a value in a row, bound as a statement parameter, never SQL text.
 * {@code columns/<uuid>.mv} is one H2 MVStore file per dataset version holding uncompressed
 * little-endian chunks of 2^19 records: byte codes (0xFF = missing) for dictionaries of at most 255
 * entries, else int codes (-1), doubles (NaN) for numbers, int epoch days ({@code
 * Integer.MIN_VALUE}) for dates, the dictionaries (UTF-8) and the per-record keys. These are
 * exactly the arrays of {@link org.statbench.core.data.CategoricalColumn}, {@link
 * org.statbench.core.data.NumericColumn} and {@link org.statbench.core.data.DateColumn}.
 *
 * <p><b>Atomic import in bounded memory.</b> While the file is read, each column's complete chunks
 * are staged in a spill file next to a new column file; when the file is read, each column is
 * stored in it (dictionary codes rewritten in codelist order) and the file is closed; then one SQL
 * transaction replaces the dataset's catalogue rows to point at it. Before that commit nothing
 * visible has changed; a killed import leaves only unreferenced column and spill files, which
 * {@link org.statbench.store.Workspace#open} deletes. The heap holds a few chunks per column and
 * the dictionaries, not the rows; a dictionary past its share of the heap is streamed out as TEXT.
 * Reading is either whole columns ({@link org.statbench.store.Workspace#columns}, cached) or one
 * chunk of records at a time ({@link org.statbench.store.ColumnSlices}) for work over columns
 * larger than the heap. Running out of heap or disk, a read-only folder or an extract that vanishes
 * is a {@link org.statbench.core.ResourceException} naming what was done and the figures.
 *
 * <p><b>CSV rules.</b> UTF-8 with or without BOM unless another ASCII-based encoding is given (e.g.
 * windows-1252); comma, tab or semicolon, detected from the header line (the most frequent outside
 * quotes; comma on a tie) unless given; RFC 4180 quotes (embedded delimiters, doubled quotes, line
 * breaks); blank lines are skipped. Missing values: empty, {@code NA}, {@code .}. Types: INTEGER
 * when every value is a whole number, DECIMAL when numeric, DATE for {@code yyyy-MM-dd} or {@code
 * dd/MM/yyyy}, else CATEGORICAL, or TEXT when it has more than 1000 distinct values and more than
 * half as many as rows. Numbers with a leading zero ({@code 007}) are codes, not numbers. Codelists
 * are sorted: numeric codes numerically first, then the others alphabetically. Errors are {@link
 * org.statbench.core.InputException}s naming the file, the line as a text editor counts it (header
 * = 1; for an unterminated quote, the line where it opens) and the column.
 *
 * <p><b>Schema files</b> (optional, JSON; see {@link org.statbench.store.ImportSchema#fromJson}):
 *
 * <pre>{@code
 * {"variables": {
 *    "sex": {"type": "categorical", "label": "Sex", "values": {"F": "Female", "M": "Male"}},
 *    "age": {"type": "integer", "label": "Age at referral"}}}
 * }</pre>
 *
 * An example is the test fixture {@code org/statbench/store/referrals-schema.json}.
 */
package org.statbench.store;
