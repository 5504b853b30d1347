package org.statbench.app.shell;

import org.statbench.core.CancellationToken;
import org.statbench.core.ProgressListener;

/**
 * Work to run off the FX thread. It must not touch nodes or view-model properties: it reports
 * progress through the listener, polls the token, and returns a result that the task's success
 * callback applies on the FX thread.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface BackgroundWork<T> {
  T run(ProgressListener progress, CancellationToken cancel) throws Exception;
}
