"""PNG text chunks (tEXt, and iTXt compressed or not) of a file, as {keyword: text}; None when the file is not a PNG.
Shared by the comparison scripts in this folder, which read real images in place."""
import struct, zlib


def png_text(path):
    b = open(path, 'rb').read()
    if not b.startswith(b'\x89PNG'):
        return None
    i = 8
    out = {}
    while i + 8 <= len(b):
        length = struct.unpack('>I', b[i:i + 4])[0]
        kind = b[i + 4:i + 8]
        data = b[i + 8:i + 8 + length]
        i += 12 + length
        if kind == b'tEXt':
            k, v = data.split(b'\0', 1)
            out[k.decode('latin1')] = v.decode('latin1')
        elif kind == b'iTXt':
            k, rest = data.split(b'\0', 1)
            compressed = rest[0]
            rest = rest[2:]
            _lang, rest = rest.split(b'\0', 1)
            _translated, txt = rest.split(b'\0', 1)
            out[k.decode('latin1')] = (zlib.decompress(txt) if compressed else txt).decode('utf8')
    return out
