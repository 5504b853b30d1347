import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the StatBench icon (a small cross-tab grid with one flagged cell and a bar chart) as a PNG,
 * so the installer needs no binary artwork in git and no image tools. Run with the JDK's
 * single-file launcher: {@code java installer/tools/MakeIcon.java OUT.png|OUT.ico|OUT.icns [SIZE]}.
 * The {@code .ico} (Windows) and {@code .icns} (macOS) forms wrap PNG images, which both formats
 * accept.
 */
public final class MakeIcon {
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: java MakeIcon.java OUT.png [SIZE]");
      System.exit(2);
    }
    Path out = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(out.getParent());
    String name = out.getFileName().toString();
    if (name.endsWith(".ico")) {
      byte[] png = png(256);
      ByteBuffer b = ByteBuffer.allocate(22 + png.length).order(ByteOrder.LITTLE_ENDIAN);
      b.putShort((short) 0).putShort((short) 1).putShort((short) 1); // reserved, type icon, 1 image
      b.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0); // 256 x 256, no palette
      b.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(22);
      b.put(png);
      Files.write(out, b.array());
    } else if (name.endsWith(".icns")) {
      byte[] p256 = png(256);
      byte[] p512 = png(512);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream d = new DataOutputStream(bytes); // big-endian, as icns wants
      d.writeBytes("icns");
      d.writeInt(8 + 8 + p256.length + 8 + p512.length);
      d.writeBytes("ic08");
      d.writeInt(8 + p256.length);
      d.write(p256);
      d.writeBytes("ic09");
      d.writeInt(8 + p512.length);
      d.write(p512);
      Files.write(out, bytes.toByteArray());
    } else {
      Files.write(out, png(args.length > 1 ? Integer.parseInt(args[1]) : 256));
    }
  }

  private static byte[] png(int size) throws IOException {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.scale(size / 256.0, size / 256.0);

    // Background: a rounded tile.
    g.setColor(new Color(0x1f4e79));
    g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 48, 48));

    // A 3 x 3 table: header row and column in a lighter tint, one cell flagged by the disclosure check.
    int x0 = 64;
    int y0 = 34;
    int cw = 40;
    int ch = 30;
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        Color fill = (r == 0 || c == 0) ? new Color(0xbdd7ee) : Color.WHITE;
        if (r == 2 && c == 1) {
          fill = new Color(0xf4b183); // the cell that fails a rule
        }
        g.setColor(fill);
        g.fillRect(x0 + c * (cw + 4), y0 + r * (ch + 4), cw, ch);
      }
    }

    // A bar chart to the right and below.
    int[] heights = {30, 52, 40, 64};
    int base = 216;
    for (int i = 0; i < heights.length; i++) {
      g.setColor(i == 3 ? new Color(0xffd966) : new Color(0x9dc3e6));
      g.fillRect(48 + i * 44, base - heights[i], 32, heights[i]);
    }
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(5f));
    g.drawLine(40, base + 3, 216, base + 3);
    g.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(img, "png", bytes);
    return bytes.toByteArray();
  }
}
