// JSZip's own modules the patcher uses to hand it a part compressed by zlib (patch.ts); JSZip types only its entry point.
declare module 'jszip/lib/compressedObject.js' {
  export default class CompressedObject {
    constructor(
      compressedSize: number,
      uncompressedSize: number,
      crc32: number,
      compression: unknown,
      data: Uint8Array,
    );
  }
}
declare module 'jszip/lib/compressions.js' {
  const compressions: { readonly DEFLATE: unknown; readonly STORE: unknown };
  export default compressions;
}
