#!/usr/bin/env python3
"""Writes the fuzz harnesses' seed corpora (src/test/resources/org/svp/<Harness>Inputs/) from the v1
golden vectors in svp-protocol/src/test/resources/golden/ plus hand-made v2 and VRDE inputs, and
AllDecodersFuzzInputs/ (every seed with its harness index in front, the order of AllDecodersFuzz.TARGETS).
Run once from the repository root; `./svp bench fuzz` adds what Jazzer finds to the same folders."""
import glob, os, struct

ROOT = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(ROOT, '..', 'svp-protocol', 'src', 'test', 'resources', 'golden')
OUT = os.path.join(ROOT, 'src', 'test', 'resources', 'org', 'svp')
TARGETS = ['DisplayStream', 'KeyboardEvent', 'MouseEvent', 'VideoModeset', 'GraphicConfig', 'MainChannelInit',
           'ChannelInit', 'UsbFrame', 'ClientStream', 'CursorChannel', 'MainChannel', 'Lz4Block', 'PixelFormat',
           'VrdeOrder', 'VrdePointer', 'VrdePixels', 'VrdeRing', 'HandshakeV2', 'ZstreamDecode', 'VncUpdate',
           'ScramText', 'CodecDecode', 'JpegDecode', 'H264Decode', 'MedzDecode', 'TextzDecode']
# their seeds are kept as committed (captured, built by hand, the committed encoder output; LossyDecodeSeeds.java)
KEPT = ('DisplayStream', 'ZstreamDecode', 'VncUpdate', 'CodecDecode', 'JpegDecode', 'H264Decode', 'MedzDecode',
        'TextzDecode')
seeds = {t: {} for t in TARGETS}

def frames(name):
    with open(os.path.join(GOLDEN, name)) as f:
        return [bytes.fromhex(l.strip()) for l in f if l.strip() and not l.startswith('#')]

def frame(cmd, body):
    return struct.pack('<HHI', 0x7F5A, cmd, len(body)) + body

def add(target, name, data):
    seeds[target][name] = data

for path in sorted(glob.glob(os.path.join(GOLDEN, '*.hex'))):
    name = os.path.basename(path)[:-4]
    fs = frames(os.path.basename(path))
    cmd = struct.unpack_from('<H', fs[0], 2)[0]
    body_target = {30: 'KeyboardEvent', 31: 'MouseEvent', 33: 'GraphicConfig', 40: 'MainChannelInit', 42: 'ChannelInit'}
    for i, f in enumerate(fs[:4]):
        if cmd in body_target:
            add(body_target[cmd], f'{name}-{i}', f[8:])
        if cmd in (30, 31, 33, 40, 42):
            add('ClientStream', f'{name}-{i}', f)
        if cmd in (2, 43):
            add('CursorChannel', f'{name}-{i}', f)
        if cmd in (41, 43):
            add('MainChannel', f'{name}-{i}', f)
        if cmd == 10 and 'lz4' in name:
            w, h = struct.unpack_from('<HH', f, 8 + 4 + 8)
            fmt = struct.unpack_from('<h', f, 8 + 4)[0]
            bpp = {1: 4, 2: 3, 3: 3, 4: 2, 5: 1}.get(fmt, 4)
            add('Lz4Block', f'{name}-{i}', struct.pack('<I', w * h * bpp) + f[8 + 20:])
    if cmd in (30, 31, 33, 40, 42):
        add('ClientStream', f'{name}-all', b''.join(fs))

# whole client streams per channel, as a v1 client sends them
add('ClientStream', 'input-channel', frames('input-42-channel_init.hex')[0] + b''.join(frames('input-30-keyboard_event.hex')[:3])
    + b''.join(frames('input-31-mouse_event.hex')[:3]))
add('ClientStream', 'display-channel', frames('display-42-channel_init.hex')[0] + frames('display-33-graphic_config.hex')[0]
    + frame(32, struct.pack('<HHB', 1024, 768, 32)))
add('VideoModeset', 'hand-1024x768x32', struct.pack('<HHB', 1024, 768, 32))
add('VideoModeset', 'hand-0x0x0', struct.pack('<HHB', 0, 0, 0))
for text in [b'[General]\npreferCodec=1\n[LZ4]\nhighCompression=1\n', b'[general]\r\nprefercodec = 0\r\n',
             b'; comment\n[LZ4]\nhighcompression=x\n[general\nprefercodec=99999999999\n']:
    add('GraphicConfig', f'hand-{len(text)}', struct.pack('<I', len(text)) + text)
for usb in range(60, 83, 7):
    add('UsbFrame', f'usb-{usb}', bytes([usb - 60]) + struct.pack('<IHH', 1, 2, 3))
# CURSOR: a 32x32 pointer, and one that claims 65535x65535 with tiny planes
add('CursorChannel', 'hand-32x32', frame(2, struct.pack('<HHHHHH', 1, 1, 32, 32, 128, 3072) + bytes(128) + b'\x7f' * 3072))
add('CursorChannel', 'hand-huge', frame(2, struct.pack('<HHHHHH', 0, 0, 65535, 65535, 1, 3) + b'\xff' + b'\x01\x02\x03'))
# pixel formats: u8 format index, u8 codec, u8 w, u8 h, u8 palette seed, data
for fi, bpp in enumerate([4, 3, 3, 2, 1, 0]):
    w, h = 4, 3
    n = (w * bpp * h) if bpp else ((w + 7) // 8) * h
    add('PixelFormat', f'raw-{fi}', bytes([fi, 0, w, h, fi]) + bytes(range(n)))
add('PixelFormat', 'lz4-rgb32-2x1', bytes([0, 1, 2, 1, 0]) + bytes([0x80]) + bytes(8))
# VRDE order buffers: header rect, then orders (docs/vrde.md)
hdr = struct.pack('<hhhh', 0, 0, 200, 150)
area = struct.pack('<hhhh', 10, 10, 40, 30)
add('VrdeOrder', 'solidrect', hdr + struct.pack('<I', 1) + area + struct.pack('<I', 0xFF0000))
add('VrdeOrder', 'solidblt', hdr + struct.pack('<I', 2) + area + struct.pack('<IB', 0x00FF00, 0xF0))
add('VrdeOrder', 'dstblt', hdr + struct.pack('<I', 3) + area + b'\x55')
add('VrdeOrder', 'screenblt', hdr + struct.pack('<I', 4) + area + struct.pack('<hhB', 50, 60, 0xCC))
add('VrdeOrder', 'patblt', hdr + struct.pack('<I', 5) + area + struct.pack('<bbIIB', 1, 2, 0xFF, 0xFF00, 0xF0) + bytes(range(8)))
add('VrdeOrder', 'dirty', hdr + struct.pack('<I', 0) + struct.pack('<IhhhhB', 2 * 2 * 4, 5, 5, 2, 2, 4) + bytes(range(16)))
add('VrdeOrder', 'bounds-line-repeat', hdr + struct.pack('<I', 10) + struct.pack('<hhhh', 0, 0, 100, 100)
    + struct.pack('<I', 9) + struct.pack('<hhhhhhhh', 1, 1, 90, 90, 0, 0, 100, 100) + struct.pack('<BI', 13, 0xFFFFFF)
    + struct.pack('<I', 11) + struct.pack('<hhhh', 50, 50, 80, 80))
add('VrdeOrder', 'polyline', hdr + struct.pack('<I', 12) + struct.pack('<hhBIB', 5, 5, 13, 0xFF, 3)
    + b''.join(struct.pack('<hh', 10 * i, 5 * i) for i in range(16)))
add('VrdeOrder', 'ellipse', hdr + struct.pack('<I', 13) + struct.pack('<hhhhBBI', 10, 10, 60, 40, 13, 1, 0xFF))
add('VrdeOrder', 'savescreen', hdr + struct.pack('<I', 14) + struct.pack('<hhhhBB', 10, 10, 60, 40, 1, 1))
glyph = struct.pack('<IqhhHHhh', 24 + 8, 7, 20, 20, 8, 8, 0, -8) + bytes(range(8))
text = struct.pack('<hhhhhhhhHBBHII', 10, 10, 50, 12, 10, 10, 50, 12, 64, 1, 0, 0, 0xFFFFFF, 0) + glyph
add('VrdeOrder', 'text', hdr + struct.pack('<I', 15) + struct.pack('<I', 4 + len(text)) + text)
add('VrdeOrder', 'cached-memblt', hdr + struct.pack('<I', 7) + bytes(range(16)) + struct.pack('<IhhhhB', 16, 0, 0, 2, 2, 4)
    + bytes(16) + struct.pack('<I', 6) + area + struct.pack('<hhB', 0, 0, 0xCC) + bytes(range(16)))
# VRDE pointers: kind byte (even legacy, odd mouseptr), then the record
w = h = 8
add('VrdePointer', 'legacy-8x8', b'\x00' + struct.pack('<HHHHHH', 1, 1, w, h, w * h // 8, w * h * 3) + bytes(w * h // 8) + bytes(range(192)))
add('VrdePointer', 'mouseptr-8x8-alpha', b'\x01' + struct.pack('<HHHHHI', 2, 2, w, h, 0, 4 * w * h) + b'\x10\x20\x30\xff' * (w * h))
add('VrdePointer', 'mouseptr-8x8-mask', b'\x01' + struct.pack('<HHHHHI', 2, 2, w, h, w * h // 8, 4 * w * h) + b'\x0f' * 8 + b'\x10\x20\x30\x00' * (w * h))
# VRDE framebuffer rows: u8 depth index, u8 w, u8 h, u16 row bytes, u8 offset, rows
for di, bpp in enumerate([32, 24, 16, 15, 8]):
    bpx = (bpp + 7) // 8
    add('VrdePixels', f'bpp{bpp}', struct.pack('<BBBHB', di, 3, 2, 3 * bpx + 1, 0) + bytes(range(2 * (3 * bpx + 1))))
# VRDE ring data areas: records of type, length (8-aligned, with the 16-byte header), time, payload
def rec(t, payload):
    payload += bytes(-len(payload) % 8)
    return struct.pack('<IIq', t, 16 + len(payload), 1) + payload
orders = hdr + struct.pack('<I', 1) + area + struct.pack('<I', 0xFF0000)
ptr = struct.pack('<HHHHHI', 2, 2, 2, 2, 0, 16) + b'\x10\x20\x30\xff' * 4
add('VrdeRing', 'all-types', rec(1, struct.pack('<iiii', 0, 200, 150, 32))
    + rec(2, struct.pack('<hhHHiI', 0, 0, 2, 2, 32, 8) + bytes(range(16)))
    + rec(3, struct.pack('<iI', 0, len(orders)) + orders) + rec(4, b'')
    + rec(6, struct.pack('<I', len(ptr)) + ptr) + rec(7, b'') + rec(0, bytes(8)))

# v2 hand-shake (protocol.md "protocol v2"): u8 id - 100, then the body
def lp16(b): return struct.pack('<H', len(b)) + b
def lp32(b): return struct.pack('<I', len(b)) + b
token = bytes(range(32))
add('HandshakeV2', 'capabilities', b'\x00' + struct.pack('<H', 3) + struct.pack('<HHHHHH', 1, 1, 2, 1, 3, 1))
add('HandshakeV2', 'auth-start', b'\x01' + lp16(b'SCRAM-SHA-256') + lp32(b'n,,n=,r=rOprNGfwEbeRWgbNEkqO'))
add('HandshakeV2', 'auth-challenge', b'\x02' + lp32(b'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096'))
add('HandshakeV2', 'auth-response', b'\x03' + lp32(b'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ='))
add('HandshakeV2', 'auth-result', b'\x04' + struct.pack('<BB', 0, 1) + lp32(b'v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4='))
add('HandshakeV2', 'session', b'\x05' + token + struct.pack('<BI', 1, 0))
add('HandshakeV2', 'channel-init-v2', b'\x06' + struct.pack('<HHI', 1, 0, 0x403) + token)

# SCRAM texts: u8 parser (0 client-first, 1 server-first, 2 client-final, 3 server-final), the text
import base64
nonce, snonce = 'rOprNGfwEbeRWgbNEkqO', '%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0'
salt = base64.b64encode(b'fuzz-salt-16byte').decode()
zero = base64.b64encode(bytes(32)).decode()
for n, k, t in [('client-first', 0, 'n,,n=,r=' + nonce), ('client-first-user', 0, 'n,,n=user,r=' + nonce),
                ('client-first-binding-y', 0, 'y,,n=,r=' + nonce), ('client-first-no-nonce', 0, 'n,,n=,r='),
                ('server-first', 1, f'r={nonce}{snonce},s={salt},i=4096'),
                ('server-first-low-iterations', 1, f'r={nonce}{snonce},s={salt},i=1'),
                ('server-first-huge-iterations', 1, f'r={nonce}{snonce},s={salt},i=99999999999'),
                ('server-first-bad-salt', 1, f'r={nonce}{snonce},s=!!!,i=4096'),
                ('server-first-other-nonce', 1, f'r=abc,s={salt},i=4096'),
                ('client-final', 2, f'c=biws,r={nonce}{snonce},p={zero}'),
                ('client-final-short-proof', 2, f'c=biws,r={nonce}{snonce},p=AAAA'),
                ('client-final-no-proof', 2, f'c=biws,r={nonce}{snonce}'),
                ('server-final', 3, 'v=' + zero), ('server-final-error', 3, 'e=invalid-proof')]:
    add('ScramText', n, bytes([k]) + t.encode())
# codec decode: the committed seeds (made by the encoders, mutated by hand) as they are
for p in sorted(glob.glob(os.path.join(OUT, 'CodecDecodeFuzzInputs', '*'))):
    add('CodecDecode', os.path.basename(p), open(p, 'rb').read())

targets_index = {t: i for i, t in enumerate(TARGETS)}
for t, files in seeds.items():
    d = os.path.join(OUT, f'{t}FuzzInputs')
    if t in KEPT:
        files = {os.path.basename(p)[:-4]: open(p, 'rb').read() for p in sorted(glob.glob(os.path.join(d, '*.bin')))}
    os.makedirs(d, exist_ok=True)
    for n, data in files.items():
        if t not in KEPT:
            with open(os.path.join(d, n + '.bin'), 'wb') as f:
                f.write(data)
        a = os.path.join(OUT, 'AllDecodersFuzzInputs')
        os.makedirs(a, exist_ok=True)
        with open(os.path.join(a, f'{targets_index[t]:02d}-{t}-{n}.bin'), 'wb') as f:
            f.write(bytes([targets_index[t]]) + data)
print({t: len(f) for t, f in seeds.items()})
