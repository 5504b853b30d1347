package org.statbench.app.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.statbench.core.StatBenchException;
import org.statbench.store.Workspace;
import org.statbench.store.WorkspaceFiles;

/**
 * Saved table and cohort definitions as the GUI and the command line keep them: a definition saved
 * inside an encrypted workspace's folder is sealed with the workspace key (its filters name codes,
 * which are data), anywhere else it is plain JSON. Reading accepts both.
 */
public final class WorkspaceDocuments {
  private WorkspaceDocuments() {}

  /**
   * Writes a definition (creating its folder).
   *
   * @param workspace the open workspace, or null
   */
  public static void write(Workspace workspace, Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    if (workspace != null
        && workspace.files().encrypted()
        && WorkspaceFiles.inside(workspace.directory(), file)) {
      workspace.files().write(file, b);
    } else {
      Files.write(file, b);
    }
  }

  /**
   * Reads a definition; a sealed one needs the open encrypted workspace it belongs to.
   *
   * @param workspace the open workspace, or null
   * @throws StatBenchException when the file is sealed and no workspace can open it
   */
  public static String read(Workspace workspace, Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    if (WorkspaceFiles.isSealed(b)) {
      if (workspace == null || !workspace.files().encrypted()) {
        throw new StatBenchException(
            file.getFileName() + " is encrypted: open it from its encrypted workspace");
      }
      b = workspace.files().decode(file, b);
    }
    return new String(b, StandardCharsets.UTF_8);
  }
}
