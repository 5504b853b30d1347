package org.statbench.disclosure.audit;

/**
 * Minimises or maximises one variable of an {@link AuditModel}. Implementations keep one model and
 * change only the objective between calls. Not thread-safe; close to free native memory.
 */
public interface LpSolver extends AutoCloseable {
  /**
   * Optimises variable {@code var}.
   *
   * @return an optimal solution (one value per variable); its entry {@code var} is the optimum
   * @throws IllegalStateException when the programme is infeasible (the table is inconsistent)
   */
  double[] optimise(int var, boolean maximise);

  /** Short solver name cited in reports. */
  String name();

  @Override
  void close();
}
