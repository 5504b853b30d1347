package org.statbench.disclosure;

import org.statbench.core.InputException;

/**
 * Parameters of cell-key perturbation (the method of ABS TableBuilder and Stat-Xplore), used when
 * the protection method is {@link ProtectionMethod#PERTURB}.
 *
 * @param maxNoise D, the largest absolute noise added to a count
 * @param variance V, the variance of the noise for counts large enough not to be constrained
 * @param smallValueThreshold js: no perturbed count lies in 1..js (0 disables)
 */
public record PerturbationPolicy(int maxNoise, double variance, int smallValueThreshold) {
  /** D=5, V=3, js=4. */
  public static final PerturbationPolicy DEFAULT = new PerturbationPolicy(5, 3, 4);

  public PerturbationPolicy {
    if (maxNoise < 1 || maxNoise > 100) {
      throw new InputException("perturbation.maxNoise must be 1..100, got " + maxNoise);
    }
    if (!(variance > 0) || variance > (double) maxNoise * maxNoise) {
      throw new InputException(
          "perturbation.variance must be in (0, maxNoise^2], got "
              + DisclosurePolicy.num(variance));
    }
    if (smallValueThreshold < 0 || smallValueThreshold > maxNoise) {
      throw new InputException(
          "perturbation.smallValueThreshold must be 0..maxNoise, got " + smallValueThreshold);
    }
  }
}
