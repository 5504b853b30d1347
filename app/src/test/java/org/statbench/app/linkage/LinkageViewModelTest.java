package org.statbench.app.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statbench.link.FieldType;
import org.statbench.link.LinkModel;
import org.statbench.link.LinkResult;
import org.statbench.store.AuditEntry;

class LinkageViewModelTest {
  @TempDir Path dir;
  private LinkageFixture fx;
  private LinkageViewModel vm;

  @BeforeEach
  void open() {
    fx = new LinkageFixture(dir);
    vm = new LinkageViewModel(fx.context);
    vm.leftProperty().set("customers");
    vm.rightProperty().set("recipients");
  }

  @AfterEach
  void close() {
    fx.ws.close();
  }

  private List<String> auditTypes() {
    return fx.ws.auditLog().entries().stream().map(AuditEntry::type).toList();
  }

  @Test
  void mapsSharedFieldsByNameWithGuessedTypesAndLeavesTheEntityIdAsTruth() {
    assertThat(vm.fields())
        .extracting(FieldRow::name)
        .containsExactly("forename", "surname", "dob", "postcode", "address", "person_id");
    assertThat(vm.fields())
        .extracting(r -> r.typeProperty().get())
        .containsExactly(
            FieldType.NAME,
            FieldType.NAME,
            FieldType.DATE,
            FieldType.POSTCODE,
            FieldType.TEXT,
            FieldType.EXACT);
    // the shared entity id is evidence of nothing: not compared, offered as the truth
    assertThat(vm.fields().get(5).useProperty().get()).isFalse();
    assertThat(vm.truthProperty().get()).isEqualTo("person_id");
  }

  @Test
  void theSetUpSectionsTitlesSayWhatEachHoldsAndTheAdvancedOnesStartClosed() {
    SetupSections sections = vm.setupSections();
    assertThat(sections.datasetsTitle().get()).isEqualTo("Datasets: customers and recipients");
    assertThat(sections.rulesTitle().get())
        .isEqualTo("Blocking rules: " + vm.rules().size() + " (OR-ed)");
    assertThat(sections.matchKeysTitle().get()).isEqualTo("Match keys: none");
    assertThat(sections.modelTitle().get()).isEqualTo("Model: trained on the data");
    assertThat(sections.datasetsProperty().get()).isTrue();
    assertThat(sections.fieldsProperty().get()).isTrue();
    assertThat(sections.blockingProperty().get()).isTrue();
    assertThat(sections.matchKeysProperty().get()).isFalse();
    assertThat(sections.modelProperty().get()).isFalse();

    vm.rightProperty().set(LinkageViewModel.DEDUPLICATE);
    vm.addMatchKey("forename+surname+dob");

    assertThat(sections.datasetsTitle().get()).isEqualTo("Datasets: customers, deduplicated");
    assertThat(sections.matchKeysTitle().get()).isEqualTo("Match keys: 1 before the model");
    while (!vm.rules().isEmpty()) {
      vm.removeRule(0);
    }
    assertThat(sections.rulesTitle().get()).isEqualTo("Blocking rules: none");
  }

  @Test
  void countsTheCandidatePairsOfEachBlockingRuleAsRulesChange() {
    assertThat(vm.rules()).isNotEmpty();
    assertThat(vm.rules()).allSatisfy(r -> assertThat(r.pairs()).isNotEmpty());
    int before = vm.rules().size();

    vm.addRule("initial(forename)");

    assertThat(vm.rules()).hasSize(before + 1);
    // a single initial pairs every customer with every recipient of the same initial: far more
    // than the other rules; 2,000 x 300 = 600,000 pairs in all, so fewer than that
    long initial = Long.parseLong(vm.rules().get(before).pairs().replace(",", ""));
    assertThat(initial).isGreaterThan(10_000).isLessThan(600_000);
    assertThat(vm.pairsTextProperty().get()).startsWith("At most");

    vm.addRule("soundex(");
    assertThat(vm.messageProperty().get()).contains("missing ')'");
    assertThat(vm.rules()).hasSize(before + 1);
  }

  @Test
  void trainingShowsLevelsHistogramAndTheThresholdFollowsTheSlider() {
    vm.train();

    assertThat(vm.trainedProperty().get()).isTrue();
    // every level but "missing" of the five compared fields: name 7+7, date 6, postcode 5, text 4
    assertThat(vm.levels()).hasSize(7 + 7 + 6 + 5 + 4);
    assertThat(vm.histogram()).isNotEmpty();
    LinkResult r = vm.resultProperty().get();
    long all = vm.histogram().stream().mapToLong(LinkageCharts.Bar::pairs).sum();
    assertThat(all).isEqualTo(r.candidatePairs());
    // 80% of 300 recipients are customers: 240 true pairs
    assertThat(r.evaluation().truePairs()).isEqualTo(240);
    assertThat(r.evaluation().precision()).isGreaterThan(0.95);

    double low = LinkageCharts.weight(0.5);
    vm.thresholdProperty().set(low);
    String lowText = vm.thresholdTextProperty().get();
    long lowLinks = r.histogram().pairsAtOrAbove(low);
    assertThat(lowText).contains(String.format("%,d links", lowLinks));
    vm.thresholdProperty().set(LinkageCharts.weight(0.999));
    long highLinks = r.histogram().pairsAtOrAbove(LinkageCharts.weight(0.999));
    assertThat(highLinks).isLessThan(lowLinks);
    assertThat(vm.thresholdTextProperty().get())
        .contains(String.format("%,d links", highLinks))
        .contains("estimated precision")
        .contains("recall");
  }

  /** The most links any one record of a side is in. */
  private static int mostLinksOfARecord(org.statbench.link.Links links, boolean left) {
    java.util.Map<Integer, Integer> count = new java.util.HashMap<>();
    for (int i = 0; i < links.size(); i++) {
      count.merge(left ? links.left(i) : links.right(i), 1, Integer::sum);
    }
    return count.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  @Test
  void oneToOneLinksEachRecordAtMostOnce() {
    // at a threshold of 0.01 some records link to several on the other side
    vm.thresholdProperty().set(LinkageCharts.weight(0.01));
    vm.reviewProperty().set(LinkageCharts.weight(0.01));
    vm.train();
    org.statbench.link.Links many = vm.resultProperty().get().links();
    assertThat(Math.max(mostLinksOfARecord(many, true), mostLinksOfARecord(many, false)))
        .isGreaterThan(1);

    vm.oneToOneProperty().set(true);
    vm.train();
    org.statbench.link.Links once = vm.resultProperty().get().links();
    assertThat(mostLinksOfARecord(once, true)).isEqualTo(1);
    assertThat(mostLinksOfARecord(once, false)).isEqualTo(1);
    assertThat(once.size()).isLessThan(many.size());
    // 80% of 300 recipients are customers: at most one link each, nearly all of them right
    assertThat(once.size()).isBetween(200, 300);
    assertThat(vm.resultProperty().get().evaluation().precision()).isGreaterThan(0.9);
  }

  @Test
  void acceptedReviewIsAuditedAndBecomesALinkRejectedDoesNot() {
    vm.reviewProperty().set(LinkageCharts.weight(0.05));
    vm.train();
    int links = vm.resultProperty().get().links().size();
    ReviewQueue.Pair first = vm.currentReviewProperty().get();
    assertThat(first).as("a pair in the grey zone").isNotNull();
    assertThat(vm.reviewFields())
        .extracting(LinkageViewModel.ReviewField::field)
        .contains("surname");

    vm.accept();

    assertThat(vm.resultProperty().get().links().size()).isEqualTo(links + 1);
    assertThat(vm.links()).anySatisfy(p -> assertThat(p.stage()).isEqualTo("review"));
    assertThat(auditTypes()).containsOnlyOnce("link-review");
    ReviewQueue.Pair second = vm.currentReviewProperty().get();
    if (second != null) {
      vm.reject();
      assertThat(vm.resultProperty().get().links().size()).isEqualTo(links + 1);
      assertThat(auditTypes()).filteredOn("link-review"::equals).hasSize(2);
    }
    // a skip decides nothing and writes nothing
    if (vm.currentReviewProperty().get() != null) {
      int entries = auditTypes().size();
      vm.skip();
      assertThat(auditTypes()).hasSize(entries);
    }
    // the decisions survive linking again at another threshold
    vm.applyThreshold();
    assertThat(vm.resultProperty().get().links().size()).isEqualTo(links + 1);
  }

  @Test
  void savesTheLinkedDatasetIntoTheWorkspaceAndAuditsIt() {
    vm.train();
    int links = vm.resultProperty().get().links().size();
    vm.saveNameProperty().set("customers_linked");

    vm.saveLinked();

    assertThat(fx.context.workspace().datasets())
        .extracting(d -> d.name())
        .contains("customers_linked");
    var saved = fx.ws.dataset("customers_linked");
    assertThat(saved.rows()).isEqualTo(2_000);
    assertThat(saved.variableNames()).contains("link_id", "match_probability", "nino");
    assertThat(auditTypes()).contains("link-save");
    assertThat(links).isPositive();
  }

  @Test
  void linksFileFollowsTheContractAndIsAudited() throws Exception {
    vm.train();
    Path out = dir.resolve("links.csv");
    fx.dialogs.files.add(out);

    vm.exportLinks();

    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("left_id,right_id,match_probability,match_weight,stage");
    assertThat(lines).hasSize(vm.resultProperty().get().links().size() + 1);
    assertThat(auditTypes()).contains("link-links");
  }

  @Test
  void matchRateLeavesOnlyThroughTheDisclosureGate() {
    vm.train();
    vm.rateByProperty().set("postcode");
    Path out = dir.resolve("rate.csv");
    fx.dialogs.files.add(out);

    vm.exportMatchRate();

    // protected with the default policy first, then exported through the gate (audit: export)
    assertThat(vm.release().panel().protectionProperty().get()).isNotNull();
    assertThat(auditTypes()).contains("export");
    assertThat(out).exists();
  }

  @Test
  void aSavedModelLoadsAndLinksWithoutTraining() throws Exception {
    vm.train();
    Path file = dir.resolve("model.json");
    fx.dialogs.files.add(file);
    vm.saveModel();
    LinkModel saved = LinkModel.load(file);
    assertThat(saved.toJson()).isEqualTo(vm.resultProperty().get().model().toJson());
    // mark the file so a model trained again could not pass for it
    LinkModel marked =
        new LinkModel(
            saved.version(), saved.fields(), saved.prior(), saved.household(), "hand-made");
    marked.save(file);

    LinkageViewModel other = new LinkageViewModel(fx.context);
    other.leftProperty().set("customers");
    other.rightProperty().set("recipients");
    fx.dialogs.files.add(file);
    other.modelFiles().chooseAndLoad();
    other.train();

    assertThat(other.modelFiles().textProperty().get()).contains("model.json");
    assertThat(other.resultProperty().get().model().trainedOn()).isEqualTo("hand-made");
    assertThat(other.resultProperty().get().links().size())
        .isEqualTo(vm.resultProperty().get().links().size());
  }

  @Test
  void aFileThatIsNotAModelIsReportedByNameAndNothingIsLoaded() throws Exception {
    Path bad = dir.resolve("notes.json");
    Files.writeString(bad, "{\"version\": 9, \"fields\": []}");
    fx.dialogs.files.add(bad);

    vm.modelFiles().chooseAndLoad();

    assertThat(fx.dialogs.errors)
        .singleElement()
        .asString()
        .contains("notes.json")
        .contains("unsupported model version 9");
    assertThat(vm.modelFiles().loadedProperty().get()).isNull();
  }

  @Test
  void matchKeysLinkBeforeTheModelAndEachLinkShowsItsStage() {
    vm.addMatchKey("nino+dob");
    assertThat(vm.messageProperty().get()).contains("'nino' is not a compared field");
    vm.addMatchKey("forename+surname+dob+postcode");
    assertThat(vm.matchKeys().keys()).containsExactly("forename+surname+dob+postcode");

    vm.train();

    String stage = "key:forename+surname+dob+postcode";
    List<LinkageViewModel.PairRow> byKey =
        vm.links().stream().filter(p -> p.stage().equals(stage)).toList();
    assertThat(byKey).isNotEmpty();
    assertThat(vm.links()).anySatisfy(p -> assertThat(p.stage()).isEqualTo("model"));
    assertThat(vm.messageProperty().get()).contains(stage + " " + byKey.size());
    // a key links only records whose four fields agree: the same person on both sides
    var lt = fx.ws.columns("customers", List.of("person_id")).column("person_id");
    var rt = fx.ws.columns("recipients", List.of("person_id")).column("person_id");
    assertThat(byKey).allSatisfy(p -> assertThat(lt.text(p.left())).isEqualTo(rt.text(p.right())));
  }

  @Test
  void deduplicationWithAMatchKeyPutsRecordsSharingItInOneCluster() {
    vm.rightProperty().set(LinkageViewModel.DEDUPLICATE);
    vm.addMatchKey("surname+dob");
    vm.train();

    int[] c = vm.resultProperty().get().clusters();
    assertThat(vm.messageProperty().get()).contains("key:surname+dob");
    // records whose raw surname and date of birth are equal (so their standardised values are)
    var cols = fx.ws.columns("customers", List.of("surname", "dob"));
    var sn = cols.column("surname");
    var dob = cols.column("dob");
    java.util.Map<String, Integer> first = new java.util.HashMap<>();
    int shared = 0;
    for (int i = 0; i < sn.size(); i++) {
      if (sn.text(i) == null || dob.text(i) == null) {
        continue;
      }
      Integer j = first.putIfAbsent(sn.text(i) + "|" + dob.text(i), i);
      if (j != null) {
        shared++;
        assertThat(c[i]).as("records %d and %d", j, i).isEqualTo(c[j]);
      }
    }
    assertThat(shared).isPositive();
  }

  @Test
  void deduplicationHasAReviewQueueAndAnAcceptedPairSharesACluster() throws Exception {
    vm.rightProperty().set(LinkageViewModel.DEDUPLICATE);
    vm.reviewProperty().set(LinkageCharts.weight(0.05));
    vm.train();
    ReviewQueue.Pair first = vm.currentReviewProperty().get();
    assertThat(first).as("a grey-zone pair within customers").isNotNull();
    assertThat(first.probability()).isGreaterThanOrEqualTo(0.05).isLessThan(0.9);
    assertThat(vm.reviewFields()).extracting(LinkageViewModel.ReviewField::field).contains("dob");

    vm.accept();

    int[] c = vm.resultProperty().get().clusters();
    assertThat(c[first.left()]).isEqualTo(c[first.right()]);
    assertThat(auditTypes()).containsOnlyOnce("link-review");
    assertThat(vm.reviewTextProperty().get()).contains("1 of");
    // the cluster output uses the decision: both ids carry the same cluster
    Path out = dir.resolve("clusters.csv");
    fx.dialogs.files.add(out);
    vm.exportLinks();
    var ids = fx.ws.columns("customers", List.of("customer_id")).column("customer_id");
    List<String> lines = Files.readAllLines(out);
    String a = lines.get(first.left() + 1);
    String b = lines.get(first.right() + 1);
    assertThat(a).startsWith(ids.text(first.left()) + ",");
    assertThat(a.substring(a.indexOf(',') + 1)).isEqualTo(b.substring(b.indexOf(',') + 1));
  }
}
