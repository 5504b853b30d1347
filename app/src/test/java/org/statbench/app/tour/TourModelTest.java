package org.statbench.app.tour;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TourModelTest {
  @Test
  void theMainWindowTourVisitsEveryPartTheTrainerShowsInOrder() {
    assertThat(TourModel.mainWindow().steps())
        .extracting(TourStep::title)
        .containsExactly(
            "Field list",
            "Drop zones",
            "Grid",
            "Chart",
            "Disclosure panel",
            "Cohort view",
            "Clearance queue");
  }

  @Test
  void everyStepIsOneSentence() {
    for (TourStep s : TourModel.mainWindow().steps()) {
      assertThat(s.text()).endsWith(".");
      assertThat(s.text().substring(0, s.text().length() - 1)).doesNotContain(". ");
    }
  }

  @Test
  void nextAndBackMoveOneStepAndStopAtTheFirst() {
    TourModel tour = TourModel.mainWindow();
    tour.start();
    assertThat(tour.canGoBackProperty().get()).isFalse();
    tour.back();
    assertThat(tour.indexProperty().get()).isZero();
    tour.next();
    tour.next();
    assertThat(tour.currentProperty().get().title()).isEqualTo("Grid");
    assertThat(tour.positionProperty().get()).isEqualTo("Step 3 of 7");
    tour.back();
    assertThat(tour.currentProperty().get().title()).isEqualTo("Drop zones");
  }

  @Test
  void nextOnTheLastStepFinishesTheTour() {
    TourModel tour = TourModel.mainWindow();
    tour.start();
    tour.last();
    assertThat(tour.onLastStepProperty().get()).isTrue();
    tour.next();
    assertThat(tour.activeProperty().get()).isFalse();
  }

  @Test
  void restartingBeginsAgainAtTheFirstStep() {
    TourModel tour = TourModel.mainWindow();
    tour.start();
    tour.last();
    tour.close();
    tour.start();
    assertThat(tour.indexProperty().get()).isZero();
    assertThat(tour.activeProperty().get()).isTrue();
  }
}
