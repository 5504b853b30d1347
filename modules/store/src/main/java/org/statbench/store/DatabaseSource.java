package org.statbench.store;

import java.util.Objects;
import org.statbench.core.InputException;

/**
 * Where a database source's records live: a JDBC URL and either a table (or view) or a read-only
 * {@code SELECT}. The password is never part of it: it is asked when connecting and never stored.
 *
 * @param name the dataset name in the workspace
 * @param url the JDBC URL (e.g. {@code jdbc:postgresql://db.example/stats}); it should not carry a
 *     password
 * @param table a table or view, optionally schema-qualified with dots ({@code public.claims}), or
 *     null when {@code query} is given
 * @param query a read-only {@code SELECT}, or null when {@code table} is given
 * @param user the user name, or null to take it from the URL
 */
public record DatabaseSource(String name, String url, String table, String query, String user) {
  public DatabaseSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    table = table == null || table.isBlank() ? null : table.trim();
    query = query == null || query.isBlank() ? null : query.trim();
    user = user == null || user.isBlank() ? null : user;
    if (name.isBlank()) {
      throw new InputException("The source name must not be empty");
    }
    if (!url.startsWith("jdbc:")) {
      throw new InputException(
          "The URL '"
              + url
              + "' is not a JDBC URL: it starts with jdbc:, e.g."
              + " jdbc:postgresql://HOST:5432/DATABASE");
    }
    if ((table == null) == (query == null)) {
      throw new InputException("Give either a table (or view) or a SELECT query, not both");
    }
    if (url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
      throw new InputException(
          "The URL contains a password: remove it; StatBench asks for the password when it"
              + " connects and never stores it");
    }
  }

  /** What the source reads, for lists: the table or the start of the query. */
  public String relation() {
    if (table != null) {
      return table;
    }
    return query.length() > 60 ? query.substring(0, 57) + "..." : query;
  }
}
