/*
 * svp_contract.h: the ring and control-socket contract between this module and the Java side
 * (`--source vrde:DIR`), exactly as docs/vrde.md specifies it. Offsets are bytes from the start of
 * the ring file; all values little-endian.
 */
#ifndef SVP_CONTRACT_H
#define SVP_CONTRACT_H

#define SVP_RING_MAGIC 0x31474E4952505653ull /* "SVPRING1" */
#define SVP_RING_VERSION 1u
#define SVP_RING_HEADER_SIZE 4096u

/* ring header offsets */
#define SVP_RING_OFF_MAGIC 0
#define SVP_RING_OFF_VERSION 8
#define SVP_RING_OFF_HEADER_SIZE 12
#define SVP_RING_OFF_CAPACITY 16
#define SVP_RING_OFF_GENERATION 24
#define SVP_RING_OFF_WRITE_POS 64
#define SVP_RING_OFF_READ_POS 128
#define SVP_RING_OFF_CONSUMER_WAITING 192
#define SVP_RING_OFF_DIRTY_PENDING 196
#define SVP_RING_OFF_INFO_SEQ 256
#define SVP_RING_OFF_ACTIVE 260
#define SVP_RING_OFF_NUMBER_OF_CLIENTS 264
#define SVP_RING_OFF_CLIENT_VERSION 268
#define SVP_RING_OFF_BEGIN_TIME 272
#define SVP_RING_OFF_END_TIME 280
#define SVP_RING_OFF_BYTES_SENT 288
#define SVP_RING_OFF_BYTES_SENT_TOTAL 296
#define SVP_RING_OFF_BYTES_RECEIVED 304
#define SVP_RING_OFF_BYTES_RECEIVED_TOTAL 312
#define SVP_RING_OFF_USER 320
#define SVP_RING_OFF_DOMAIN 448
#define SVP_RING_OFF_CLIENT_NAME 576
#define SVP_RING_OFF_CLIENT_IP 704
#define SVP_RING_USER_LEN 128
#define SVP_RING_DOMAIN_LEN 128
#define SVP_RING_CLIENT_NAME_LEN 128
#define SVP_RING_CLIENT_IP_LEN 64

/* records: u32 type, u32 length, u64 time_ns, payload; the module rounds every length to 16 */
#define SVP_REC_HEADER_SIZE 16u
#define SVP_REC_ALIGN 16u
enum svp_record_type {
    SVP_REC_PAD = 0,
    SVP_REC_RESIZE = 1,
    SVP_REC_BITMAP = 2,
    SVP_REC_ORDERS = 3,
    SVP_REC_COMPLETE = 4,
    SVP_REC_POINTER_COLOR = 5,
    SVP_REC_POINTER_MOUSEPTR = 6,
    SVP_REC_POINTER_HIDE = 7,
};
#define SVP_REC_BITMAP_FIXED 16u /* i16 x, i16 y, u16 w, u16 h, u32 bpp, u32 row_bytes */

/* control socket: u32 type, u32 payload length, payload */
#define SVP_CTL_HEADER_SIZE 8u
#define SVP_CTL_MAX_PAYLOAD 65536u
#define SVP_CTL_VERSION 1u
enum svp_control_type {
    SVP_CTL_HELLO = 1,
    SVP_CTL_PORT = 2,
    SVP_CTL_INPUT = 3,
    SVP_CTL_LOGON = 4,
    SVP_CTL_CLIENT_CONNECT = 5,
    SVP_CTL_CLIENT_DISCONNECT = 6,
    SVP_CTL_VIDEO_MODE_HINT = 7,
    SVP_CTL_REFRESH = 8,
    SVP_CTL_ROOM = 9,
    SVP_CTL_HELLO_ACK = 101,
    SVP_CTL_LOGON_RESULT = 102,
    SVP_CTL_DISCONNECT_CLIENT = 103,
    SVP_CTL_SHUTDOWN = 104,
};

#endif
