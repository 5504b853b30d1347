package org.statbench.app.release;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javax.imageio.ImageIO;
import org.statbench.export.Release;

/**
 * The one GUI class allowed to touch the clipboard and encode images (see {@code
 * ExportGateArchitectureTest}). It only ever acts on a {@link Release}, which exists only for a
 * table the export gate admitted. Call on the FX thread.
 */
public final class FxReleaseAdapter {
  private FxReleaseAdapter() {}

  /** Puts the release's clipboard text on the system clipboard and returns it. */
  public static String copyToClipboard(Release release) {
    String text = release.clipboardText();
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
    return text;
  }

  /**
   * Writes a snapshot of {@code chart} (which must show the release's table) as a PNG through the
   * release.
   */
  public static Path writeChartPng(Release release, Node chart, Path out) {
    return release.writePng(png(chart), out);
  }

  /**
   * Writes a saved report (HTML) through the release, with a snapshot of {@code chart} if given.
   */
  public static Path writeReport(Release release, Node chart, Path out) {
    return release.writeReport(out, chart == null ? null : png(chart));
  }

  private static byte[] png(Node chart) {
    WritableImage image = chart.snapshot(null, null);
    BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(buffered, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode the chart image", e);
    }
    return bytes.toByteArray();
  }
}
