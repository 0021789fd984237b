import { deflateSync } from 'node:zlib';

/**
 * A horizontal bar chart, drawn the same for the committee's Word document
 * (SVG, with a PNG for Word processors without SVG) as the numbers in the
 * table beside it. Plain shapes only: labels in SVG text, no scripts.
 */
export interface BarChart {
  title: string;
  bars: { label: string; value: number }[];
  /** The unit after each value ("svar", "min."). */
  unit: string;
}

const width = 600;
const rowHeight = 28;
const labelWidth = 220;
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function chartSize(chart: BarChart): { width: number; height: number } {
  return { width, height: 36 + chart.bars.length * rowHeight + 8 };
}

export function barChartSvg(chart: BarChart): string {
  const { height } = chartSize(chart);
  const max = Math.max(1, ...chart.bars.map((b) => b.value));
  const bars = chart.bars
    .map((bar, i) => {
      const y = 36 + i * rowHeight;
      const length = Math.round(((width - labelWidth - 80) * bar.value) / max);
      return `<text x="${labelWidth - 8}" y="${y + 18}" text-anchor="end" font-size="13">${escape(bar.label)}</text>
<rect x="${labelWidth}" y="${y + 4}" width="${Math.max(length, bar.value > 0 ? 2 : 0)}" height="${rowHeight - 10}" fill="#464775"/>
<text x="${labelWidth + length + 6}" y="${y + 18}" font-size="13">${escape(`${bar.value} ${chart.unit}`)}</text>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Segoe UI, Arial, sans-serif" role="img" aria-label="${escape(chart.title)}">
<text x="0" y="20" font-size="15" font-weight="bold">${escape(chart.title)}</text>
${bars}
</svg>`;
}

/** The same bars as a PNG (no text: the document's table beside it carries the labels and numbers). */
export function barChartPng(chart: BarChart): Buffer {
  const { height } = chartSize(chart);
  const pixels = Buffer.alloc(width * height * 4, 255);
  const max = Math.max(1, ...chart.bars.map((b) => b.value));
  chart.bars.forEach((bar, i) => {
    const top = 36 + i * rowHeight + 4;
    const length = Math.round(((width - labelWidth - 80) * bar.value) / max);
    for (let y = top; y < top + rowHeight - 10; y++)
      for (let x = labelWidth; x < labelWidth + Math.max(length, bar.value > 0 ? 2 : 0); x++) {
        const at = (y * width + x) * 4;
        pixels[at] = 0x46;
        pixels[at + 1] = 0x47;
        pixels[at + 2] = 0x75;
      }
  });
  return encodePng(width, height, pixels);
}

function encodePng(w: number, h: number, rgba: Buffer): Buffer {
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) rgba.copy(raw, y * (w * 4 + 1) + 1, y * w * 4, (y + 1) * w * 4);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
