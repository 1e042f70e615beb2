import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the application icon (a database cylinder with an arrow flowing out of it, on a rounded
 * orange-red tile) and writes every file the installers need:
 * <ul>
 *   <li>{@code packaging/linux/resources/retl-setup.png} (256 px; jpackage --icon on Linux, .desktop Icon)</li>
 *   <li>{@code packaging/windows/retl-setup.ico} (16-256 px, PNG-compressed entries)</li>
 *   <li>{@code packaging/macos/retl-setup.icns} (ic07/ic08/ic09/ic10 = 128/256/512/1024 px PNG entries)</li>
 *   <li>{@code packaging/icons/retl-setup-<size>.png} (hicolor sizes, for reference)</li>
 * </ul>
 * Regenerate with: {@code java packaging/icons/IconGenerator.java packaging} (from the repository root).
 * Each size is drawn from vectors at that size, not scaled from a bitmap.
 */
public final class IconGenerator {
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "packaging");
        Map<Integer, byte[]> png = new LinkedHashMap<>();
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256, 512, 1024}) {
            png.put(size, encode(draw(size)));
        }
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512}) {
            Files.write(root.resolve("icons/retl-setup-" + size + ".png"), png.get(size));
        }
        Files.write(root.resolve("linux/resources/retl-setup.png"), png.get(256));
        Files.write(root.resolve("windows/retl-setup.ico"), ico(png, 16, 24, 32, 48, 64, 128, 256));
        Files.write(root.resolve("macos/retl-setup.icns"), icns(png));
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(size / 100.0, size / 100.0); // draw on a 100x100 canvas

        // Tile: rounded square, warm gradient (macOS-style margin of ~6%).
        RoundRectangle2D tile = new RoundRectangle2D.Double(6, 6, 88, 88, 22, 22);
        g.setPaint(new GradientPaint(0, 6, new Color(0xFF, 0x6A, 0x3D), 0, 94, new Color(0xD8, 0x36, 0x1E)));
        g.fill(tile);

        // Database cylinder (white), left of centre.
        Color white = new Color(255, 255, 255);
        Color shade = new Color(0xD8, 0x36, 0x1E);
        double x = 18, w = 40, top = 24, h = 52, ry = 7;
        g.setColor(white);
        g.fill(new RoundRectangle2D.Double(x, top, w, h, 0, 0));
        g.fill(new Ellipse2D.Double(x, top + h - ry, w, 2 * ry));
        g.fill(new Ellipse2D.Double(x, top - ry, w, 2 * ry));
        // Rings that separate the cylinder's layers.
        float ring = size <= 24 ? 5f : 3f;
        g.setStroke(new BasicStroke(ring, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(shade);
        if (size > 24) {
            g.draw(new java.awt.geom.Arc2D.Double(x, top + h / 3 - ry, w, 2 * ry, 180, 180, java.awt.geom.Arc2D.OPEN));
            g.draw(new java.awt.geom.Arc2D.Double(x, top + 2 * h / 3 - ry, w, 2 * ry, 180, 180, java.awt.geom.Arc2D.OPEN));
        }
        g.draw(new Ellipse2D.Double(x + ring / 2.0, top - ry + ring / 2.0, w - ring, 2 * ry - ring));

        // Arrow flowing out to the right: "reverse" ETL, data leaves the warehouse.
        Path2D arrow = new Path2D.Double();
        arrow.moveTo(50, 44);
        arrow.lineTo(68, 44);
        arrow.lineTo(68, 34);
        arrow.lineTo(86, 52);
        arrow.lineTo(68, 70);
        arrow.lineTo(68, 60);
        arrow.lineTo(50, 60);
        arrow.closePath();
        g.setStroke(new BasicStroke(size <= 32 ? 6f : 4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(shade);
        g.draw(arrow); // outline separates the arrow from the cylinder
        g.setColor(white);
        g.fill(arrow);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** ICO: ICONDIR + ICONDIRENTRY per image, each entry a whole PNG file (valid since Windows Vista). */
    static byte[] ico(Map<Integer, byte[]> png, int... sizes) {
        int headerSize = 6 + 16 * sizes.length;
        int total = headerSize;
        for (int s : sizes) {
            total += png.get(s).length;
        }
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = headerSize;
        for (int s : sizes) {
            byte[] data = png.get(s);
            buf.put((byte) (s >= 256 ? 0 : s)).put((byte) (s >= 256 ? 0 : s)); // 0 means 256
            buf.put((byte) 0).put((byte) 0); // no palette, reserved
            buf.putShort((short) 1).putShort((short) 32); // planes, bits per pixel
            buf.putInt(data.length).putInt(offset);
            offset += data.length;
        }
        for (int s : sizes) {
            buf.put(png.get(s));
        }
        return buf.array();
    }

    /** ICNS: 'icns' + length, then typed chunks; ic07..ic10 hold PNG data (128, 256, 512, 1024 px). */
    static byte[] icns(Map<Integer, byte[]> png) throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream chunks = new DataOutputStream(body);
        for (Map.Entry<String, Integer> e : types.entrySet()) {
            byte[] data = png.get(e.getValue());
            chunks.writeBytes(e.getKey());
            chunks.writeInt(8 + data.length); // big-endian, includes the 8-byte chunk header
            chunks.write(data);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(file);
        out.writeBytes("icns");
        out.writeInt(8 + body.size());
        out.write(body.toByteArray());
        return file.toByteArray();
    }
}
