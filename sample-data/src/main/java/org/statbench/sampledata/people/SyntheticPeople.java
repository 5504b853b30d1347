package org.statbench.sampledata.people;

import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.statbench.core.data.CategoricalColumn;
import org.statbench.core.data.Column;
import org.statbench.core.data.DatasetColumns;
import org.statbench.core.data.DateColumn;
import org.statbench.core.data.NumericColumn;
import org.statbench.core.data.VariableType;
import org.statbench.core.format.CsvOutput;

// Size (over 500 lines): mostly data (name, nickname and street lists) and one seeded generator
// whose
// draws must stay in a fixed order for the same seed to give the same people.
/**
 * Seeded generator of synthetic UK-shaped people for record-linkage jobs with known truth: a
 * population of households (surname, address, postcode; spouses, children, sometimes twins) from
 * which a <em>left</em> extract (e.g. energy customers: no National Insurance number, date of birth
 * often missing, nicknames, movers) and a <em>right</em> extract (e.g. benefit recipients: with
 * NINo) are drawn. A share of the right people is also on the left; the column {@code person_id} on
 * both sides is the truth. Typing errors, missing values, name swaps and address variants are added
 * per record. The same seed and sizes always give the same data.
 *
 * <p>Built for size: records are produced as dictionary codes, not strings per record, so ten
 * million rows take well under a minute and a few hundred megabytes.
 */
public final class SyntheticPeople {
  /** Name of the truth column on both sides. */
  public static final String TRUTH = "person_id";

  /** Left columns, in order. */
  public static final List<String> LEFT_COLUMNS =
      List.of("customer_id", "forename", "surname", "dob", "postcode", "address", TRUTH);

  /** Right columns, in order. */
  public static final List<String> RIGHT_COLUMNS =
      List.of("recipient_id", "forename", "surname", "dob", "postcode", "address", "nino", TRUTH);

  private static final String[] SURNAMES = {
    "SMITH",
    "JONES",
    "WILLIAMS",
    "TAYLOR",
    "BROWN",
    "DAVIES",
    "EVANS",
    "WILSON",
    "THOMAS",
    "JOHNSON",
    "ROBERTS",
    "ROBINSON",
    "THOMPSON",
    "WRIGHT",
    "WALKER",
    "WHITE",
    "EDWARDS",
    "HUGHES",
    "GREEN",
    "HALL",
    "LEWIS",
    "HARRIS",
    "CLARKE",
    "PATEL",
    "JACKSON",
    "WOOD",
    "TURNER",
    "MARTIN",
    "COOPER",
    "HILL",
    "WARD",
    "MORRIS",
    "MOORE",
    "CLARK",
    "LEE",
    "KING",
    "BAKER",
    "HARRISON",
    "MORGAN",
    "ALLEN",
    "JAMES",
    "SCOTT",
    "PHILLIPS",
    "WATSON",
    "DAVIS",
    "PARKER",
    "PRICE",
    "BENNETT",
    "YOUNG",
    "GRIFFITHS",
    "MITCHELL",
    "KELLY",
    "COOK",
    "CARTER",
    "RICHARDSON",
    "BAILEY",
    "COLLINS",
    "BELL",
    "SHAW",
    "MURPHY",
    "MILLER",
    "COX",
    "RICHARDS",
    "KHAN",
    "MARSHALL",
    "ANDERSON",
    "SIMPSON",
    "ELLIS",
    "ADAMS",
    "SINGH",
    "BEGUM",
    "WILKINSON",
    "FOSTER",
    "CHAPMAN",
    "POWELL",
    "WEBB",
    "ROGERS",
    "GRAY",
    "MASON",
    "ALI",
    "HUNT",
    "HUSSAIN",
    "CAMPBELL",
    "MATTHEWS",
    "OWEN",
    "PALMER",
    "HOLMES",
    "MILLS",
    "BARNES",
    "KNIGHT",
    "LLOYD",
    "BUTLER",
    "RUSSELL",
    "BARKER",
    "FISHER",
    "STEVENS",
    "JENKINS",
    "MURRAY",
    "DIXON",
    "HARVEY",
    "O'BRIEN",
    "MACDONALD",
    "NGUYEN"
  };

  private static final String[] MALE = {
    "JOHN",
    "DAVID",
    "MICHAEL",
    "PAUL",
    "ANDREW",
    "PETER",
    "JAMES",
    "ROBERT",
    "MARK",
    "RICHARD",
    "STEPHEN",
    "CHRISTOPHER",
    "WILLIAM",
    "THOMAS",
    "DANIEL",
    "ANTHONY",
    "MATTHEW",
    "GARY",
    "IAN",
    "KEVIN",
    "ALAN",
    "BRIAN",
    "GEORGE",
    "EDWARD",
    "JOSEPH",
    "SIMON",
    "NEIL",
    "MARTIN",
    "JASON",
    "ADAM",
    "BENJAMIN",
    "SAMUEL",
    "JACK",
    "HARRY",
    "OLIVER",
    "CHARLES",
    "KEITH",
    "COLIN",
    "GRAHAM",
    "PATRICK",
    "ALEXANDER",
    "NICHOLAS",
    "ROGER",
    "TERENCE",
    "RAYMOND",
    "DENNIS",
    "FRANCIS",
    "MOHAMMED",
    "RAJESH",
    "TOMASZ"
  };

  private static final String[] FEMALE = {
    "SARAH",
    "ELIZABETH",
    "MARGARET",
    "SUSAN",
    "MARY",
    "JULIE",
    "KAREN",
    "PATRICIA",
    "EMMA",
    "HELEN",
    "CATHERINE",
    "JANE",
    "LINDA",
    "JENNIFER",
    "CHRISTINE",
    "NICOLA",
    "RACHEL",
    "CLAIRE",
    "LISA",
    "ANN",
    "JOAN",
    "BARBARA",
    "DOROTHY",
    "KATHLEEN",
    "JESSICA",
    "REBECCA",
    "LAURA",
    "AMY",
    "HANNAH",
    "SOPHIE",
    "CHARLOTTE",
    "EMILY",
    "VICTORIA",
    "ALEXANDRA",
    "SANDRA",
    "DEBORAH",
    "JACQUELINE",
    "PAULINE",
    "SHEILA",
    "VALERIE",
    "MAUREEN",
    "BRENDA",
    "GILLIAN",
    "ABIGAIL",
    "FATIMA",
    "PRIYA",
    "AGNIESZKA",
    "SIOBHAN",
    "ZOE",
    "CHLOE"
  };

  /** Everyday forms people give for their names (a subset of what a linker should know). */
  private static final Map<String, String[]> NICKNAMES =
      Map.ofEntries(
          Map.entry("WILLIAM", new String[] {"BILL", "WILL", "BILLY"}),
          Map.entry("ROBERT", new String[] {"BOB", "ROB", "BOBBY"}),
          Map.entry("RICHARD", new String[] {"DICK", "RICH", "RICKY"}),
          Map.entry("ELIZABETH", new String[] {"LIZ", "BETH", "BETTY", "LIZZIE"}),
          Map.entry("MARGARET", new String[] {"MAGGIE", "PEGGY", "MEG"}),
          Map.entry("JAMES", new String[] {"JIM", "JIMMY", "JAMIE"}),
          Map.entry("MICHAEL", new String[] {"MIKE", "MICK"}),
          Map.entry("CHRISTOPHER", new String[] {"CHRIS"}),
          Map.entry("ANTHONY", new String[] {"TONY"}),
          Map.entry("THOMAS", new String[] {"TOM", "TOMMY"}),
          Map.entry("DANIEL", new String[] {"DAN", "DANNY"}),
          Map.entry("MATTHEW", new String[] {"MATT"}),
          Map.entry("EDWARD", new String[] {"TED", "ED", "EDDIE"}),
          Map.entry("JOSEPH", new String[] {"JOE"}),
          Map.entry("SAMUEL", new String[] {"SAM"}),
          Map.entry("BENJAMIN", new String[] {"BEN"}),
          Map.entry("ALEXANDER", new String[] {"ALEX"}),
          Map.entry("NICHOLAS", new String[] {"NICK"}),
          Map.entry("PATRICIA", new String[] {"PAT", "TRISH"}),
          Map.entry("CATHERINE", new String[] {"KATE", "CATH", "KATIE"}),
          Map.entry("JENNIFER", new String[] {"JENNY", "JEN"}),
          Map.entry("SUSAN", new String[] {"SUE"}),
          Map.entry("VICTORIA", new String[] {"VICKY", "TORI"}),
          Map.entry("DEBORAH", new String[] {"DEBBIE", "DEB"}),
          Map.entry("ALEXANDRA", new String[] {"ALEX", "SANDY"}),
          Map.entry("TERENCE", new String[] {"TERRY"}),
          Map.entry("PETER", new String[] {"PETE"}),
          Map.entry("STEPHEN", new String[] {"STEVE"}),
          Map.entry("ANDREW", new String[] {"ANDY", "DREW"}));

  private static final String[] AREAS = {
    "AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "CA", "CB", "CF", "CH", "CM",
    "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DH", "DL", "DN", "DT", "DY", "E", "EC", "EH",
    "EN", "EX", "FK", "FY", "G", "GL", "GU", "HA", "HD", "HG", "HP", "HR", "HU", "HX", "IG", "IP",
    "KA", "KT", "KY", "L", "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "N", "NE",
    "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PE", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA",
    "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TF", "TN",
    "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WD", "WF", "WN", "WR", "WS", "WV", "YO"
  };

  private static final String[] STREET_WORDS = {
    "OAK",
    "ELM",
    "ASH",
    "BIRCH",
    "CHURCH",
    "STATION",
    "MILL",
    "PARK",
    "HIGH",
    "VICTORIA",
    "QUEEN",
    "KING",
    "NEW",
    "GREEN",
    "MANOR",
    "SCHOOL",
    "ALBERT",
    "WILLOW",
    "CEDAR",
    "MEADOW",
    "ORCHARD",
    "GEORGE",
    "YORK",
    "NORTH",
    "SOUTH",
    "WEST",
    "EAST",
    "BRIDGE",
    "CASTLE",
    "MARKET",
    "FOREST",
    "HILLSIDE",
    "RIVERSIDE",
    "LONDON",
    "ST JOHNS",
    "CHAPEL",
    "BEECH",
    "HOLLY",
    "PRIORY",
    "ABBEY"
  };

  private static final String[] STREET_TYPES = {
    "ROAD", "STREET", "AVENUE", "LANE", "CLOSE", "DRIVE", "WAY", "GARDENS", "CRESCENT", "PLACE"
  };

  private static final String[] STREET_ABBREV = {
    "RD", "ST", "AVE", "LN", "CL", "DR", "WAY", "GDNS", "CRES", "PL"
  };

  private static final String UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
  private static final String SYLLABLES_A = "BCDFGHKLMNPRSTVWZ";
  private static final String VOWELS = "AEIOUY";

  private SyntheticPeople() {}

  /**
   * Sizes and error rates of a job. Rates are per record.
   *
   * @param seed random seed
   * @param leftRows records on the left
   * @param rightRows records on the right
   * @param overlap share of right people who are also on the left (0..1)
   */
  public record Options(long seed, int leftRows, int rightRows, double overlap) {
    public Options {
      if (leftRows < 0 || rightRows < 0) {
        throw new IllegalArgumentException("sizes must not be negative");
      }
      if (overlap < 0 || overlap > 1) {
        throw new IllegalArgumentException("overlap must be in [0, 1]");
      }
    }
  }

  /**
   * Both sides of a job and the truth.
   *
   * @param left left records (columns {@link #LEFT_COLUMNS})
   * @param right right records (columns {@link #RIGHT_COLUMNS})
   * @param truePairs number of (left, right) record pairs of the same person
   */
  public record Job(DatasetColumns left, DatasetColumns right, long truePairs) {}

  /** Generates a job; see {@link Options}. */
  public static Job generate(Options o) {
    return new Builder(o).build();
  }

  /** Generates a job with 80% of the right people on the left. */
  public static Job generate(long seed, int leftRows, int rightRows) {
    return generate(new Options(seed, leftRows, rightRows, 0.8));
  }

  /** Writes one side as CSV (comma, header, {@code \n}; missing values empty). */
  public static void writeCsv(DatasetColumns data, Writer out) {
    CsvOutput w = CsvOutput.to(out);
    List<Column> cols = new ArrayList<>(data.columns().values());
    List<String> line = new ArrayList<>(cols.size());
    for (Column c : cols) {
      line.add(c.name());
    }
    w.row(line);
    for (int i = 0; i < data.rows(); i++) {
      line.clear();
      for (Column c : cols) {
        String v = c.text(i);
        line.add(v == null ? "" : v);
      }
      w.row(line);
    }
    w.flush();
  }

  /** String dictionary with codes in first-seen order. */
  private static final class Dict {
    final Map<String, Integer> index = new HashMap<>();
    final List<String> values = new ArrayList<>();

    int code(String s) {
      if (s == null) {
        return CategoricalColumn.MISSING;
      }
      Integer c = index.get(s);
      if (c == null) {
        c = values.size();
        index.put(s, c);
        values.add(s);
      }
      return c;
    }
  }

  private static final class Builder {
    final Options o;
    final SplittableRandom rnd;
    // name tables: common names by Zipf weight, then a long tail of made-up rare names
    final String[] surnames;
    final double[] surnameCdf;
    final double[] maleCdf;
    final double[] femaleCdf;
    // population
    int persons;
    int[] forename; // index into MALE (>=0) or FEMALE (encoded as -1 - i)
    int[] surname;
    int[] dob;
    int[] household;
    // households
    int households;
    int[] postcode; // index into postcodes
    int[] houseNumber;
    int[] street;
    final List<String> postcodes = new ArrayList<>();
    final int districts;

    Builder(Options o) {
      this.o = o;
      this.rnd = new SplittableRandom(o.seed());
      int tail = 20_000;
      surnames = new String[SURNAMES.length + tail];
      System.arraycopy(SURNAMES, 0, surnames, 0, SURNAMES.length);
      java.util.Set<String> seen = new java.util.HashSet<>(List.of(SURNAMES));
      for (int i = SURNAMES.length; i < surnames.length; i++) {
        String s;
        do {
          s = madeUpSurname();
        } while (!seen.add(s));
        surnames[i] = s;
      }
      // Zipf-like: SMITH about 1.2% of people, the made-up tail about a third together
      surnameCdf = zipfCdf(surnames.length, 0.78);
      maleCdf = zipfCdf(MALE.length, 0.9);
      femaleCdf = zipfCdf(FEMALE.length, 0.9);
      districts = AREAS.length * 20;
    }

    private String madeUpSurname() {
      StringBuilder sb = new StringBuilder();
      int syl = 2 + rnd.nextInt(2);
      for (int i = 0; i < syl; i++) {
        sb.append(SYLLABLES_A.charAt(rnd.nextInt(SYLLABLES_A.length())));
        sb.append(VOWELS.charAt(rnd.nextInt(VOWELS.length())));
        if (rnd.nextInt(3) == 0) {
          sb.append(SYLLABLES_A.charAt(rnd.nextInt(SYLLABLES_A.length())));
        }
      }
      String[] ends = {"", "SON", "TON", "LEY", "WORTH", "FORD", "ER", "ES"};
      return sb + ends[rnd.nextInt(ends.length)];
    }

    private static double[] zipfCdf(int n, double s) {
      double[] cdf = new double[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += 1 / Math.pow(i + 1, s);
        cdf[i] = sum;
      }
      for (int i = 0; i < n; i++) {
        cdf[i] /= sum;
      }
      return cdf;
    }

    private int pick(double[] cdf) {
      int i = java.util.Arrays.binarySearch(cdf, rnd.nextDouble());
      return Math.min(cdf.length - 1, i < 0 ? -i - 1 : i);
    }

    private int personName(boolean male) {
      return male ? pick(maleCdf) : -1 - pick(femaleCdf);
    }

    /** A postcode in a given district: area + district number, sector digit, two unit letters. */
    private int newPostcode(int district) {
      String area = AREAS[district / 20];
      int d = district % 20 + 1;
      int sector = rnd.nextInt(10);
      char u1 = UNIT_LETTERS.charAt(rnd.nextInt(UNIT_LETTERS.length()));
      char u2 = UNIT_LETTERS.charAt(rnd.nextInt(UNIT_LETTERS.length()));
      postcodes.add(area + d + " " + sector + u1 + u2);
      return postcodes.size() - 1;
    }

    Job build() {
      int matched = (int) Math.min(o.leftRows(), Math.round(o.rightRows() * o.overlap()));
      int need = o.leftRows() + o.rightRows() - matched;
      int cap = need + 16;
      forename = new int[cap];
      surname = new int[cap];
      dob = new int[cap];
      household = new int[cap];
      int hcap = cap / 2 + 16;
      postcode = new int[hcap];
      houseNumber = new int[hcap];
      street = new int[hcap];
      makePopulation(need);
      // choose who is on which side: a random permutation, the first `matched` are on both
      int[] perm = new int[persons];
      for (int i = 0; i < persons; i++) {
        perm[i] = i;
      }
      for (int i = persons - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      int[] rightPeople = new int[o.rightRows()];
      int[] leftPeople = new int[o.leftRows()];
      for (int i = 0; i < o.rightRows(); i++) {
        rightPeople[i] = perm[i];
      }
      for (int i = 0; i < matched; i++) {
        leftPeople[i] = perm[i];
      }
      for (int i = matched; i < o.leftRows(); i++) {
        leftPeople[i] = perm[o.rightRows() + (i - matched)];
      }
      // the left extract is in its own order
      for (int i = leftPeople.length - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = leftPeople[i];
        leftPeople[i] = leftPeople[j];
        leftPeople[j] = t;
      }
      DatasetColumns right = side("right", rightPeople, true);
      DatasetColumns left = side("left", leftPeople, false);
      return new Job(left, right, matched);
    }

    private void makePopulation(int need) {
      LocalDate base = LocalDate.of(2026, 1, 1);
      int p = 0;
      // a few households per postcode unit: new units are opened as households are made
      int currentPostcode = -1;
      int left = 0;
      while (p < need) {
        int h = households++;
        if (left == 0) {
          currentPostcode = newPostcode(rnd.nextInt(districts));
          left = 4 + rnd.nextInt(20);
        }
        left--;
        postcode[h] = currentPostcode;
        houseNumber[h] = 1 + rnd.nextInt(180);
        street[h] = rnd.nextInt(STREET_WORDS.length * STREET_TYPES.length);
        double r = rnd.nextDouble();
        int size = r < 0.30 ? 1 : r < 0.65 ? 2 : r < 0.80 ? 3 : r < 0.95 ? 4 : 5;
        size = Math.min(size, need - p);
        int sn = pick(surnameCdf);
        boolean firstMale = rnd.nextBoolean();
        int adultAge = 20 * 365 + rnd.nextInt(70 * 365);
        int firstDob = (int) base.toEpochDay() - adultAge;
        int twinDob = Integer.MIN_VALUE;
        for (int k = 0; k < size; k++) {
          int id = p++;
          household[id] = h;
          if (k == 0) {
            forename[id] = personName(firstMale);
            surname[id] = sn;
            dob[id] = firstDob;
          } else if (k == 1 && size >= 2 && rnd.nextDouble() < 0.85) {
            // spouse or partner: the same surname four times in five
            forename[id] = personName(!firstMale);
            surname[id] = rnd.nextDouble() < 0.8 ? sn : pick(surnameCdf);
            dob[id] = firstDob + rnd.nextInt(-6 * 365, 6 * 365);
          } else {
            // child (grown up, on the extracts): same surname; one pair in fifty are twins
            int parentAge = adultAge / 365;
            int childAge =
                parentAge - 18 < 17
                    ? 17 + rnd.nextInt(3)
                    : 17 + rnd.nextInt(parentAge - 34 > 0 ? parentAge - 34 : 1);
            int childDob = (int) base.toEpochDay() - childAge * 365 - rnd.nextInt(365);
            if (twinDob != Integer.MIN_VALUE) {
              childDob = twinDob;
              twinDob = Integer.MIN_VALUE;
            } else if (k + 1 < size && rnd.nextDouble() < 0.02) {
              twinDob = childDob;
            }
            int f;
            boolean taken;
            do {
              // parents do not give a child a name already in the home
              f = personName(rnd.nextBoolean());
              taken = false;
              for (int q = id - k; q < id; q++) {
                taken |= forename[q] == f;
              }
            } while (taken);
            forename[id] = f;
            surname[id] = sn;
            dob[id] = childDob;
          }
        }
      }
      persons = p;
    }

    private static String forenameText(int f) {
      return f >= 0 ? MALE[f] : FEMALE[-1 - f];
    }

    private DatasetColumns side(String which, int[] people, boolean right) {
      int n = people.length;
      Dict fn = new Dict();
      Dict sn = new Dict();
      Dict pc = new Dict();
      Dict ad = new Dict();
      Dict ni = new Dict();
      int[] fnc = new int[n];
      int[] snc = new int[n];
      int[] pcc = new int[n];
      int[] adc = new int[n];
      int[] nic = right ? new int[n] : null;
      int[] dobs = new int[n];
      double[] ids = new double[n];
      double[] truth = new double[n];
      // per-side error rates: the left (customer accounts) is the noisier extract
      double typo = right ? 0.01 : 0.03;
      double nick = right ? 0.01 : 0.06;
      double dobMissing = right ? 0.005 : 0.2;
      double moved = right ? 0.0 : 0.06;
      for (int i = 0; i < n; i++) {
        int person = people[i];
        ids[i] = i + 1;
        truth[i] = person + 1;
        String f = forenameText(forename[person]);
        String s = surnames[surname[person]];
        double r = rnd.nextDouble();
        if (r < nick && NICKNAMES.containsKey(f)) {
          String[] nn = NICKNAMES.get(f);
          f = nn[rnd.nextInt(nn.length)];
        } else if (r < nick + 0.005) {
          f = f.substring(0, 1);
        } else if (r < nick + 0.005 + typo) {
          f = typo(f);
        } else if (r < nick + 0.015 + typo) {
          f = null;
        }
        if (rnd.nextDouble() < typo) {
          s = typo(s);
        } else if (rnd.nextDouble() < 0.005) {
          s = null;
        }
        if (f != null && s != null && rnd.nextDouble() < 0.005) {
          String t = f;
          f = s;
          s = t;
        }
        fnc[i] = fn.code(style(f));
        snc[i] = sn.code(style(s));
        int d = dob[person];
        double rd = rnd.nextDouble();
        if (rd < dobMissing) {
          d = DateColumn.MISSING;
        } else if (rd < dobMissing + typo / 2) {
          d = dobTypo(d);
        }
        dobs[i] = d;
        int h = household[person];
        int pcode = postcode[h];
        int hn = houseNumber[h];
        int st = street[h];
        if (rnd.nextDouble() < moved) {
          // movers: half within their district, the rest anywhere
          String old = postcodes.get(pcode);
          int district = rnd.nextBoolean() ? districtOf(old) : rnd.nextInt(districts);
          pcode = newPostcode(district);
          hn = 1 + rnd.nextInt(180);
          st = rnd.nextInt(STREET_WORDS.length * STREET_TYPES.length);
        }
        String pcs = postcodes.get(pcode);
        double rp = rnd.nextDouble();
        if (rp < typo / 3) {
          pcs = postcodeTypo(pcs);
        } else if (rp < typo / 3 + 0.01) {
          pcs = null;
        } else if (rnd.nextDouble() < 0.3) {
          pcs = pcs.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        }
        pcc[i] = pc.code(pcs);
        adc[i] = rnd.nextDouble() < 0.01 ? CategoricalColumn.MISSING : ad.code(address(hn, st, h));
        if (right) {
          nic[i] = rnd.nextDouble() < 0.02 ? CategoricalColumn.MISSING : ni.code(nino(person));
        }
      }
      List<Column> cols = new ArrayList<>();
      cols.add(
          new NumericColumn(right ? "recipient_id" : "customer_id", VariableType.INTEGER, ids));
      cols.add(CategoricalColumn.ofInts("forename", VariableType.TEXT, fn.values, fnc));
      cols.add(CategoricalColumn.ofInts("surname", VariableType.TEXT, sn.values, snc));
      cols.add(new DateColumn("dob", dobs));
      cols.add(CategoricalColumn.ofInts("postcode", VariableType.TEXT, pc.values, pcc));
      cols.add(CategoricalColumn.ofInts("address", VariableType.TEXT, ad.values, adc));
      if (right) {
        cols.add(CategoricalColumn.ofInts("nino", VariableType.TEXT, ni.values, nic));
      }
      cols.add(new NumericColumn(TRUTH, VariableType.INTEGER, truth));
      return DatasetColumns.of(which, cols);
    }

    private int districtOf(String postcode) {
      String outward = postcode.substring(0, postcode.indexOf(' '));
      int k = 0;
      while (k < outward.length() && Character.isLetter(outward.charAt(k))) {
        k++;
      }
      String area = outward.substring(0, k);
      int d = Integer.parseInt(outward.substring(k));
      return java.util.Arrays.asList(AREAS).indexOf(area) * 20 + d - 1;
    }

    private String address(int number, int street, int home) {
      int word = street / STREET_TYPES.length;
      int type = street % STREET_TYPES.length;
      double r = rnd.nextDouble();
      String t = r < 0.2 ? STREET_ABBREV[type] : STREET_TYPES[type];
      String a = number + " " + STREET_WORDS[word] + " " + t;
      if (home % 10 == 0) {
        a = "Flat " + (1 + home / 10 % 3) + ", " + a; // one home in ten is a flat
      }
      if (r > 0.7) {
        a = a.toLowerCase(java.util.Locale.ROOT);
      }
      return a;
    }

    private String nino(int person) {
      // two prefix letters from those in use, six digits from the person, suffix A-D
      String prefixes = "ABCEGHJKLMNPRSTWXYZ";
      int x = person * 7919 + 12345;
      char a = prefixes.charAt(Math.floorMod(x, prefixes.length()));
      char b = prefixes.charAt(Math.floorMod(x / 19, prefixes.length()));
      String digits = String.format("%06d", Math.floorMod(person * 104729L + 77, 1_000_000L));
      return "" + a + b + digits + "ABCD".charAt(Math.floorMod(person, 4));
    }

    /** Writes a name as clerks do: mostly upper case, sometimes title case. */
    private String style(String s) {
      if (s == null || rnd.nextDouble() < 0.6) {
        return s;
      }
      return s.charAt(0) + s.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private String typo(String s) {
      if (s.length() < 3) {
        return s;
      }
      char[] c = s.toCharArray();
      int i = 1 + rnd.nextInt(c.length - 1);
      switch (rnd.nextInt(3)) {
        case 0 -> { // transposition
          char t = c[i];
          c[i] = c[i - 1];
          c[i - 1] = t;
          return new String(c);
        }
        case 1 -> { // substitution
          c[i] = (char) ('A' + rnd.nextInt(26));
          return new String(c);
        }
        default -> { // deletion
          return s.substring(0, i) + s.substring(i + 1);
        }
      }
    }

    private int dobTypo(int epochDay) {
      LocalDate d = LocalDate.ofEpochDay(epochDay);
      int r = rnd.nextInt(3);
      if (r == 0 && d.getDayOfMonth() <= 12 && d.getDayOfMonth() != d.getMonthValue()) {
        return (int) LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue()).toEpochDay();
      }
      if (r == 1) {
        return (int) d.plusYears(rnd.nextBoolean() ? 1 : -1).toEpochDay();
      }
      return (int) d.withDayOfMonth(1 + (d.getDayOfMonth() + rnd.nextInt(1, 9)) % 28).toEpochDay();
    }

    private String postcodeTypo(String pc) {
      char[] c = pc.toCharArray();
      int i = c.length - 1 - rnd.nextInt(2);
      c[i] = UNIT_LETTERS.charAt(rnd.nextInt(UNIT_LETTERS.length()));
      return new String(c);
    }
  }
}
