// Reading .vsix/.jar files (zip) in tests, with yauzl.
import * as fs from 'node:fs';
import * as path from 'node:path';
import yauzl from 'yauzl';

/** Every entry: name, unix mode (from the external attributes) and size. */
export function entries(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const out = [];
      zip.on('entry', (e) => {
        out.push({ name: e.fileName, mode: (e.externalFileAttributes >>> 16) & 0o7777, size: e.uncompressedSize });
        zip.readEntry();
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The content of one entry, or undefined. */
export function read(file, name) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      let found;
      zip.on('entry', (e) => {
        if (e.fileName !== name) return zip.readEntry();
        zip.openReadStream(e, (err2, stream) => {
          if (err2) return reject(err2);
          const chunks = [];
          stream.on('data', (c) => chunks.push(c));
          stream.on('end', () => { found = Buffer.concat(chunks); zip.close(); resolve(found); });
        });
      });
      zip.on('end', () => resolve(found));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Unpacks the entries under prefix into dir (keeping unix modes), as VS Code installs an extension. */
export function extract(file, prefix, dir) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('entry', (e) => {
        if (!e.fileName.startsWith(prefix) || e.fileName.endsWith('/')) return zip.readEntry();
        const to = path.join(dir, e.fileName.slice(prefix.length));
        fs.mkdirSync(path.dirname(to), { recursive: true });
        zip.openReadStream(e, (err2, stream) => {
          if (err2) return reject(err2);
          const mode = (e.externalFileAttributes >>> 16) & 0o777;
          stream.pipe(fs.createWriteStream(to, { mode: mode || 0o644 })).on('finish', () => zip.readEntry());
        });
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
