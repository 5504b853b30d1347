package org.statbench.link;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Standardisers: each turns a raw value as typed by a clerk into the form the comparisons use, or
 * {@code null} when the value is missing or unusable (an invalid date or NINo is missing, never an
 * error). Pure functions, thread-safe. Values are never logged.
 */
public final class Standardise {
  /** Epoch day returned by {@link #dateOfBirth} for a missing or invalid date. */
  public static final int NO_DATE = Integer.MIN_VALUE;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_NAME = Pattern.compile("[^A-Z ]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern POSTCODE =
      Pattern.compile("^([A-Z]{1,2}[0-9][0-9A-Z]?)([0-9][A-Z]{2})$");
  private static final Pattern NINO =
      Pattern.compile("^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$");
  private static final Set<String> TITLES =
      Set.of("MR", "MRS", "MS", "MISS", "MX", "DR", "PROF", "SIR", "DAME", "REV", "LADY", "LORD");
  private static final Set<String> SUFFIXES = Set.of("JR", "SR", "JNR", "SNR", "II", "III", "IV");

  /** Street-type abbreviations written out, so {@code 12 Oak Rd} equals {@code 12 OAK ROAD}. */
  private static final Map<String, String> ADDRESS_WORDS =
      Map.ofEntries(
          Map.entry("RD", "ROAD"),
          Map.entry("ST", "STREET"),
          Map.entry("AVE", "AVENUE"),
          Map.entry("AV", "AVENUE"),
          Map.entry("LN", "LANE"),
          Map.entry("CL", "CLOSE"),
          Map.entry("DR", "DRIVE"),
          Map.entry("GDNS", "GARDENS"),
          Map.entry("CRES", "CRESCENT"),
          Map.entry("CRESC", "CRESCENT"),
          Map.entry("PL", "PLACE"),
          Map.entry("SQ", "SQUARE"),
          Map.entry("CT", "COURT"),
          Map.entry("TER", "TERRACE"),
          Map.entry("TERR", "TERRACE"),
          Map.entry("HSE", "HOUSE"));

  /**
   * Nickname groups ({@code nicknames.txt}, a resource next to this class): each name to the
   * indices of the groups it belongs to, sorted. A formal name is in its own group; a nickname may
   * be in several (PAT: PATRICIA and PATRICK).
   */
  private static final Map<String, int[]> NICKNAME_GROUPS = nicknameTable();

  private Standardise() {}

  private static Map<String, int[]> nicknameTable() {
    Map<String, java.util.TreeSet<Integer>> groups = new HashMap<>();
    try (var in = Standardise.class.getResourceAsStream("nicknames.txt")) {
      if (in == null) {
        throw new IllegalStateException("nicknames.txt missing from the link module");
      }
      int group = 0;
      for (String line :
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).split("\n")) {
        String t = line.trim();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        for (String name : SPACES.split(t)) {
          groups.computeIfAbsent(name, k -> new java.util.TreeSet<>()).add(group);
        }
        group++;
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, int[]> m = new HashMap<>();
    groups.forEach((k, v) -> m.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return Map.copyOf(m);
  }

  /** Upper case ASCII: accents removed (é to E), other marks dropped. */
  static String ascii(String raw) {
    boolean plain = true;
    for (int i = 0; i < raw.length() && plain; i++) {
      plain = raw.charAt(i) < 128;
    }
    if (plain) {
      return raw.toUpperCase(Locale.ROOT); // the common case skips the Unicode normaliser
    }
    String s = Normalizer.normalize(raw, Normalizer.Form.NFD);
    s = MARKS.matcher(s).replaceAll("");
    // letters that do not decompose
    s = s.replace("ß", "SS").replace("Æ", "AE").replace("æ", "AE").replace("Ø", "O");
    s = s.replace("ø", "O").replace("Ł", "L").replace("ł", "L").replace("Đ", "D").replace("đ", "D");
    return s.toUpperCase(Locale.ROOT);
  }

  /**
   * A personal name: upper-case ASCII, apostrophes and full stops removed ({@code O'Brien} to
   * {@code OBRIEN}), hyphens and other punctuation to spaces, titles ({@code Mr}, {@code Dr}...)
   * and suffixes ({@code Jr}) dropped, single spaces. Null when nothing is left.
   */
  public static String name(String raw) {
    if (raw == null) {
      return null;
    }
    String s = ascii(raw).replace("'", "").replace("’", "").replace(".", " ");
    s = NOT_NAME.matcher(s).replaceAll(" ");
    String[] words = SPACES.split(s.trim());
    List<String> kept = new ArrayList<>(words.length);
    for (String w : words) {
      if (w.isEmpty() || SUFFIXES.contains(w) || (kept.isEmpty() && TITLES.contains(w))) {
        continue;
      }
      kept.add(w);
    }
    return kept.isEmpty() ? null : String.join(" ", kept);
  }

  /**
   * The nickname groups of a standardised forename ({@code BILL}: the {@code WILLIAM} group), as
   * sorted indices; empty when the name is in no group.
   */
  static int[] nicknameGroups(String standardisedName) {
    int[] g = standardisedName == null ? null : NICKNAME_GROUPS.get(standardisedName);
    return g == null ? new int[0] : g.clone();
  }

  /**
   * True when two standardised forenames are the same person's name by the nickname table: they
   * share a group ({@code BILL} and {@code WILLIAM}, {@code PAT} and {@code PATRICK}).
   */
  public static boolean nicknames(String a, String b) {
    return a != null && b != null && shareAny(nicknameGroups(a), nicknameGroups(b));
  }

  /** True when two sorted int arrays have an element in common. */
  static boolean shareAny(int[] x, int[] y) {
    int i = 0;
    int j = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        return true;
      }
      if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    return false;
  }

  /**
   * A UK postcode formatted as outward code, one space, inward code ({@code sw1a1aa} to {@code SW1A
   * 1AA}); null when missing or not shaped like a postcode.
   */
  public static String postcode(String raw) {
    if (raw == null) {
      return null;
    }
    String s = SPACES.matcher(raw.toUpperCase(Locale.ROOT)).replaceAll("");
    var m = POSTCODE.matcher(s);
    if (!m.matches()) {
      return null;
    }
    return m.group(1) + " " + m.group(2);
  }

  /** Postcode area: the leading letters ({@code SW1A 1AA} to {@code SW}). */
  public static String postcodeArea(String postcode) {
    int k = 0;
    while (k < postcode.length() && Character.isLetter(postcode.charAt(k))) {
      k++;
    }
    return postcode.substring(0, k);
  }

  /** Postcode district: the outward code ({@code SW1A 1AA} to {@code SW1A}). */
  public static String postcodeDistrict(String postcode) {
    return postcode.substring(0, postcode.indexOf(' '));
  }

  /** Postcode sector: outward code and the inward digit ({@code SW1A 1AA} to {@code SW1A 1}). */
  public static String postcodeSector(String postcode) {
    return postcode.substring(0, postcode.indexOf(' ') + 2);
  }

  /**
   * A date of birth as epoch day: ISO {@code yyyy-MM-dd}, {@code dd/MM/yyyy} or {@code d-M-yyyy};
   * {@link #NO_DATE} for missing, impossible (31 February), before 1880 or after {@code today}.
   */
  public static int dateOfBirth(String raw, LocalDate today) {
    if (raw == null) {
      return NO_DATE;
    }
    String s = raw.trim();
    int y;
    int mo;
    int d;
    try {
      if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
        y = Integer.parseInt(s.substring(0, 4));
        mo = Integer.parseInt(s.substring(5, 7));
        d = Integer.parseInt(s.substring(8, 10));
      } else {
        String[] p = s.split("[/.-]");
        if (p.length != 3 || p[2].length() != 4) {
          return NO_DATE;
        }
        d = Integer.parseInt(p[0]);
        mo = Integer.parseInt(p[1]);
        y = Integer.parseInt(p[2]);
      }
      LocalDate date = LocalDate.of(y, mo, d);
      if (date.getYear() < 1880 || date.isAfter(today)) {
        return NO_DATE;
      }
      return (int) date.toEpochDay();
    } catch (NumberFormatException | DateTimeException e) {
      return NO_DATE;
    }
  }

  /** A date of birth checked against today's date; see {@link #dateOfBirth(String, LocalDate)}. */
  public static int dateOfBirth(String raw) {
    return dateOfBirth(raw, LocalDate.now());
  }

  /**
   * A National Insurance number: upper case without spaces, checked against the format (two prefix
   * letters in use, six digits, suffix A-D); null when missing or invalid.
   */
  public static String nino(String raw) {
    if (raw == null) {
      return null;
    }
    String s = SPACES.matcher(raw.toUpperCase(Locale.ROOT)).replaceAll("");
    return NINO.matcher(s).matches() ? s : null;
  }

  /**
   * A free-text address: upper-case ASCII, punctuation to spaces, street types written out ({@code
   * RD} to {@code ROAD}), single spaces; null when empty.
   */
  public static String address(String raw) {
    if (raw == null) {
      return null;
    }
    // one pass over the characters (millions of distinct addresses: no regex per value)
    String a = ascii(raw);
    List<String> words = new ArrayList<>(8);
    StringBuilder word = new StringBuilder(16);
    for (int i = 0; i <= a.length(); i++) {
      char ch = i < a.length() ? a.charAt(i) : ' ';
      if (ch == '\'') {
        continue;
      }
      if ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) {
        word.append(ch);
      } else if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    if (words.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder(a.length() + 8);
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      // ST is Street at the end (12 HIGH ST) and Saint before a name (ST JOHNS ROAD)
      String full =
          w.equals("ST") && i < words.size() - 1 ? "SAINT" : ADDRESS_WORDS.getOrDefault(w, w);
      out.append(i > 0 ? " " : "").append(full);
    }
    return out.toString();
  }

  /**
   * The house number of a standardised address: the last all-digit word ({@code FLAT 2 12 OAK ROAD}
   * gives 12), or -1 when there is none.
   */
  public static int houseNumber(String standardisedAddress) {
    int found = -1;
    for (String w : standardisedAddress.split(" ")) {
      if (!w.isEmpty() && w.length() <= 6 && w.chars().allMatch(Character::isDigit)) {
        found = Integer.parseInt(w);
      }
    }
    return found;
  }

  /** Generic text: upper-case ASCII, trimmed, single spaces; null when empty. */
  public static String text(String raw) {
    if (raw == null) {
      return null;
    }
    String s = SPACES.matcher(ascii(raw).trim()).replaceAll(" ");
    return s.isEmpty() ? null : s;
  }

  /** An exact value: trimmed only; null when empty. */
  public static String exact(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.trim();
    return s.isEmpty() ? null : s;
  }

  /** Standardises a value for a field type (dates are returned as ISO text). */
  public static String forType(FieldType type, String raw) {
    return switch (type) {
      case NAME -> name(raw);
      case TEXT -> address(raw);
      case POSTCODE -> postcode(raw);
      case NINO -> nino(raw);
      case DATE -> {
        int d = dateOfBirth(raw);
        yield d == NO_DATE ? null : LocalDate.ofEpochDay(d).toString();
      }
      case EXACT, NUMBER -> exact(raw);
    };
  }
}
