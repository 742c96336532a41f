/*
 * vrde_abi.h: the VirtualBox VRDE and extension-pack binary interface, declared from the facts in
 * the project's VRDE notes (names, field order, sizes, values; LP64). No VirtualBox header text is
 * used. Every size and offset the notes give is checked with _Static_assert, so a wrong field type
 * fails the build instead of corrupting VirtualBox's memory.
 *
 * Also declares struct svp_vrde_stats, the module's one non-VRDE export (SVPVRDEGetStats), used by
 * tests and `./svp bench vrde`.
 */
#ifndef SVP_VRDE_ABI_H
#define SVP_VRDE_ABI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- IPRT status codes (success is >= 0) ---- */
#define VINF_SUCCESS 0
#define VERR_INVALID_PARAMETER (-2)
#define VERR_NO_MEMORY (-8)
#define VERR_VERSION_MISMATCH (-11)
#define VERR_NOT_IMPLEMENTED (-12)
#define VERR_NOT_SUPPORTED (-37)
#define VERR_ACCESS_DENIED (-38)
#define VERR_BUFFER_OVERFLOW (-41)
#define VINF_BUFFER_OVERFLOW 41
#define VERR_TOO_MUCH_DATA (-42)
#define VERR_NET_ADDRESS_IN_USE (-448)
/* Not in the notes' list; IPRT's generic "could not open/create" status, used for create failures. */
#define VERR_OPEN_FAILED (-101)

/* ---- interface header and versions ---- */
typedef struct VRDEINTERFACEHDR {
    uint64_t u64Version;
    uint64_t u64Size;
} VRDEINTERFACEHDR;
_Static_assert(sizeof(VRDEINTERFACEHDR) == 16, "VRDEINTERFACEHDR");
_Static_assert(offsetof(VRDEINTERFACEHDR, u64Size) == 8, "VRDEINTERFACEHDR.u64Size");

#define VRDE_INTERFACE_VERSION_1 1
#define VRDE_INTERFACE_VERSION_2 2
#define VRDE_INTERFACE_VERSION_3 3
#define VRDE_INTERFACE_VERSION_4 4

typedef struct VRDESERVER_OPAQUE *HVRDESERVER;

/* ---- property indexes (VRDECallbackProperty) ---- */
#define VRDE_QP_NETWORK_PORT 1
#define VRDE_QP_NETWORK_ADDRESS 2
#define VRDE_QP_NUMBER_MONITORS 3
#define VRDE_QP_NETWORK_PORT_RANGE 4
#define VRDE_QP_VIDEO_CHANNEL 5
#define VRDE_QP_VIDEO_CHANNEL_QUALITY 6
#define VRDE_QP_VIDEO_CHANNEL_SUNFLSH 7
#define VRDE_QP_FEATURE 8
#define VRDE_QP_UNIX_SOCKET_PATH 9
#define VRDE_SP_BASE 0x1000
#define VRDE_SP_NETWORK_BIND_PORT 0x1001
#define VRDE_SP_CLIENT_STATUS 0x1002

/* ---- query info indexes (VRDEQueryInfo) ---- */
#define VRDE_QI_ACTIVE 0
#define VRDE_QI_NUMBER_OF_CLIENTS 1
#define VRDE_QI_BEGIN_TIME 2
#define VRDE_QI_END_TIME 3
#define VRDE_QI_BYTES_SENT 4
#define VRDE_QI_BYTES_SENT_TOTAL 5
#define VRDE_QI_BYTES_RECEIVED 6
#define VRDE_QI_BYTES_RECEIVED_TOTAL 7
#define VRDE_QI_USER 8
#define VRDE_QI_DOMAIN 9
#define VRDE_QI_CLIENT_NAME 10
#define VRDE_QI_CLIENT_IP 11
#define VRDE_QI_CLIENT_VERSION 12
#define VRDE_QI_ENCRYPTION_STYLE 13
#define VRDE_QI_PORT 14

/* ---- clipboard ---- */
#define VRDE_CLIPBOARD_FORMAT_NULL 0
#define VRDE_CLIPBOARD_FORMAT_UNICODE_TEXT 1
#define VRDE_CLIPBOARD_FORMAT_BITMAP 2
#define VRDE_CLIPBOARD_FORMAT_HTML 4
#define VRDE_CLIPBOARD_FUNCTION_FORMAT_ANNOUNCE 0
#define VRDE_CLIPBOARD_FUNCTION_DATA_READ 1
#define VRDE_CLIPBOARD_FUNCTION_DATA_WRITE 2

/* ---- input ---- */
#define VRDE_INPUT_SCANCODE 0
#define VRDE_INPUT_POINT 1
#define VRDE_INPUT_CAD 2
#define VRDE_INPUT_RESET 3
#define VRDE_INPUT_SYNCH 4
#define VRDE_INPUT_POINT_BUTTON1 0x01
#define VRDE_INPUT_POINT_BUTTON2 0x02
#define VRDE_INPUT_POINT_BUTTON3 0x04
#define VRDE_INPUT_POINT_WHEEL_UP 0x08
#define VRDE_INPUT_POINT_WHEEL_DOWN 0x10
#define VRDE_INPUT_SYNCH_SCROLL 0x01
#define VRDE_INPUT_SYNCH_NUMLOCK 0x02
#define VRDE_INPUT_SYNCH_CAPITAL 0x04

typedef struct VRDEINPUTSCANCODE {
    unsigned uScancode;
} __attribute__((packed)) VRDEINPUTSCANCODE;
typedef struct VRDEINPUTPOINT {
    int x;
    int y;
    unsigned uButtons;
} __attribute__((packed)) VRDEINPUTPOINT;
typedef struct VRDEINPUTSYNCH {
    unsigned uLockStatus;
} __attribute__((packed)) VRDEINPUTSYNCH;
_Static_assert(sizeof(VRDEINPUTSCANCODE) == 4, "VRDEINPUTSCANCODE");
_Static_assert(sizeof(VRDEINPUTPOINT) == 12, "VRDEINPUTPOINT");
_Static_assert(offsetof(VRDEINPUTPOINT, y) == 4, "VRDEINPUTPOINT.y");
_Static_assert(offsetof(VRDEINPUTPOINT, uButtons) == 8, "VRDEINPUTPOINT.uButtons");
_Static_assert(sizeof(VRDEINPUTSYNCH) == 4, "VRDEINPUTSYNCH");

/* ---- framebuffer ---- */
typedef struct VRDEFRAMEBUFFERINFO {
    const uint8_t *pu8Bits;
    int xOrigin;
    int yOrigin;
    unsigned cWidth;
    unsigned cHeight;
    unsigned cBitsPerPixel;
    unsigned cbLine;
} __attribute__((packed)) VRDEFRAMEBUFFERINFO;
_Static_assert(sizeof(VRDEFRAMEBUFFERINFO) == 32, "VRDEFRAMEBUFFERINFO");
_Static_assert(offsetof(VRDEFRAMEBUFFERINFO, pu8Bits) == 0, "VRDEFRAMEBUFFERINFO.pu8Bits");
_Static_assert(offsetof(VRDEFRAMEBUFFERINFO, xOrigin) == 8, "VRDEFRAMEBUFFERINFO.xOrigin");
_Static_assert(offsetof(VRDEFRAMEBUFFERINFO, yOrigin) == 12, "VRDEFRAMEBUFFERINFO.yOrigin");
_Static_assert(offsetof(VRDEFRAMEBUFFERINFO, cWidth) == 16, "VRDEFRAMEBUFFERINFO.cWidth");
_Static_assert(offsetof(VRDEFRAMEBUFFERINFO, cHeight) == 20, "VRDEFRAMEBUFFERINFO.cHeight");
_Static_assert(offsetof(VRDEFRAMEBUFFERINFO, cBitsPerPixel) == 24, "VRDEFRAMEBUFFERINFO.cBitsPerPixel");
_Static_assert(offsetof(VRDEFRAMEBUFFERINFO, cbLine) == 28, "VRDEFRAMEBUFFERINFO.cbLine");

/* ---- pointer shapes ---- */
typedef struct VRDECOLORPOINTER {
    uint16_t u16HotX;
    uint16_t u16HotY;
    uint16_t u16Width;
    uint16_t u16Height;
    uint16_t u16MaskLen;
    uint16_t u16DataLen;
    /* then the AND mask (1 bpp) and the 24-bpp B,G,R image, both bottom-up */
} VRDECOLORPOINTER;
_Static_assert(sizeof(VRDECOLORPOINTER) == 12, "VRDECOLORPOINTER");
_Static_assert(offsetof(VRDECOLORPOINTER, u16MaskLen) == 8, "VRDECOLORPOINTER.u16MaskLen");
_Static_assert(offsetof(VRDECOLORPOINTER, u16DataLen) == 10, "VRDECOLORPOINTER.u16DataLen");

typedef struct VRDEMOUSEPTRDATA {
    uint16_t u16HotX;
    uint16_t u16HotY;
    uint16_t u16Width;
    uint16_t u16Height;
    uint16_t u16MaskLen;
    uint32_t u32DataLen;
    /* then u16MaskLen bytes of AND mask and u32DataLen bytes of 32-bpp B,G,R,A, top-down */
} __attribute__((packed)) VRDEMOUSEPTRDATA;
_Static_assert(sizeof(VRDEMOUSEPTRDATA) == 14, "VRDEMOUSEPTRDATA");
_Static_assert(offsetof(VRDEMOUSEPTRDATA, u16MaskLen) == 8, "VRDEMOUSEPTRDATA.u16MaskLen");
_Static_assert(offsetof(VRDEMOUSEPTRDATA, u32DataLen) == 10, "VRDEMOUSEPTRDATA.u32DataLen");

#define VRDE_POINTER_MAX_SIDE 256

typedef uint32_t VRDEAUDIOFORMAT;

/* ---- callback table (VirtualBox → module) ---- */
#define VRDE_CALLBACK_FIELDS_1                                                                       \
    VRDEINTERFACEHDR header;                                                                         \
    int (*VRDECallbackProperty)(void *pvCallback, uint32_t index, void *pvBuffer, uint32_t cbBuffer, \
                                uint32_t *pcbOut);                                                   \
    int (*VRDECallbackClientLogon)(void *pvCallback, uint32_t u32ClientId, const char *pszUser,      \
                                   const char *pszPassword, const char *pszDomain);                  \
    void (*VRDECallbackClientConnect)(void *pvCallback, uint32_t u32ClientId);                       \
    void (*VRDECallbackClientDisconnect)(void *pvCallback, uint32_t u32ClientId,                     \
                                         uint32_t fu32Intercepted);                                  \
    int (*VRDECallbackIntercept)(void *pvCallback, uint32_t u32ClientId, uint32_t fu32Intercept,     \
                                 void **ppvIntercept);                                               \
    int (*VRDECallbackUSB)(void *pvCallback, void *pvIntercept, uint32_t u32ClientId, uint8_t u8Code, \
                           const void *pvRet, uint32_t cbRet);                                       \
    int (*VRDECallbackClipboard)(void *pvCallback, void *pvIntercept, uint32_t u32ClientId,          \
                                 uint32_t u32Function, uint32_t u32Format, const void *pvData,       \
                                 uint32_t cbData);                                                   \
    bool (*VRDECallbackFramebufferQuery)(void *pvCallback, unsigned uScreenId,                       \
                                         VRDEFRAMEBUFFERINFO *pInfo);                                \
    void (*VRDECallbackFramebufferLock)(void *pvCallback, unsigned uScreenId);                       \
    void (*VRDECallbackFramebufferUnlock)(void *pvCallback, unsigned uScreenId);                     \
    void (*VRDECallbackInput)(void *pvCallback, int type, const void *pvInput, unsigned cbInput);    \
    void (*VRDECallbackVideoModeHint)(void *pvCallback, unsigned cWidth, unsigned cHeight,           \
                                      unsigned cBitsPerPixel, unsigned uScreenId);

typedef struct VRDECALLBACKS_1 {
    VRDE_CALLBACK_FIELDS_1
} VRDECALLBACKS_1;
typedef VRDECALLBACKS_1 VRDECALLBACKS_2;
typedef struct VRDECALLBACKS_3 {
    VRDE_CALLBACK_FIELDS_1
    void (*VRDECallbackAudioIn)(void *pvCallback, void *pvCtx, uint32_t u32ClientId, uint32_t u32Event,
                                const void *pvData, uint32_t cbData);
} VRDECALLBACKS_3;
typedef VRDECALLBACKS_3 VRDECALLBACKS_4;

_Static_assert(sizeof(VRDECALLBACKS_1) == 112, "VRDECALLBACKS_1");
_Static_assert(sizeof(VRDECALLBACKS_3) == 120, "VRDECALLBACKS_3");
_Static_assert(offsetof(VRDECALLBACKS_3, VRDECallbackProperty) == 16, "cb Property");
_Static_assert(offsetof(VRDECALLBACKS_3, VRDECallbackClientLogon) == 24, "cb ClientLogon");
_Static_assert(offsetof(VRDECALLBACKS_3, VRDECallbackClientConnect) == 32, "cb ClientConnect");
_Static_assert(offsetof(VRDECALLBACKS_3, VRDECallbackClientDisconnect) == 40, "cb ClientDisconnect");
_Static_assert(offsetof(VRDECALLBACKS_3, VRDECallbackIntercept) == 48, "cb Intercept");
_Static_assert(offsetof(VRDECALLBACKS_3, VRDECallbackUSB) == 56, "cb USB");
_Static_assert(offsetof(VRDECALLBACKS_3, VRDECallbackClipboard) == 64, "cb Clipboard");
_Static_assert(offsetof(VRDECALLBACKS_3, VRDECallbackFramebufferQuery) == 72, "cb FbQuery");
_Static_assert(offsetof(VRDECALLBACKS_3, VRDECallbackFramebufferLock) == 80, "cb FbLock");
_Static_assert(offsetof(VRDECALLBACKS_3, VRDECallbackFramebufferUnlock) == 88, "cb FbUnlock");
_Static_assert(offsetof(VRDECALLBACKS_3, VRDECallbackInput) == 96, "cb Input");
_Static_assert(offsetof(VRDECALLBACKS_3, VRDECallbackVideoModeHint) == 104, "cb VideoModeHint");
_Static_assert(offsetof(VRDECALLBACKS_3, VRDECallbackAudioIn) == 112, "cb AudioIn");

/* ---- entry-point table (module → VirtualBox) ---- */
#define VRDE_ENTRY_FIELDS_1                                                                          \
    VRDEINTERFACEHDR header;                                                                         \
    void (*VRDEDestroy)(HVRDESERVER hServer);                                                        \
    int (*VRDEEnableConnections)(HVRDESERVER hServer, bool fEnable);                                 \
    void (*VRDEDisconnect)(HVRDESERVER hServer, uint32_t u32ClientId, bool fReconnect);              \
    void (*VRDEResize)(HVRDESERVER hServer);                                                         \
    void (*VRDEUpdate)(HVRDESERVER hServer, unsigned uScreenId, void *pvUpdate, uint32_t cbUpdate);  \
    void (*VRDEColorPointer)(HVRDESERVER hServer, const VRDECOLORPOINTER *pPointer);                 \
    void (*VRDEHidePointer)(HVRDESERVER hServer);                                                    \
    void (*VRDEAudioSamples)(HVRDESERVER hServer, const void *pvSamples, uint32_t cSamples,          \
                             VRDEAUDIOFORMAT format);                                                \
    void (*VRDEAudioVolume)(HVRDESERVER hServer, uint16_t u16Left, uint16_t u16Right);               \
    void (*VRDEUSBRequest)(HVRDESERVER hServer, uint32_t u32ClientId, void *pvParm, uint32_t cbParm); \
    void (*VRDEClipboard)(HVRDESERVER hServer, uint32_t u32Function, uint32_t u32Format,             \
                          void *pvData, uint32_t cbData, uint32_t *pcbActualRead);                   \
    void (*VRDEQueryInfo)(HVRDESERVER hServer, uint32_t index, void *pvBuffer, uint32_t cbBuffer,    \
                          uint32_t *pcbOut);
#define VRDE_ENTRY_FIELDS_2                                                                          \
    VRDE_ENTRY_FIELDS_1                                                                              \
    void (*VRDERedirect)(HVRDESERVER hServer, uint32_t u32ClientId, const char *pszServer,           \
                         const char *pszUser, const char *pszDomain, const char *pszPassword,        \
                         uint32_t u32SessionId, const char *pszCookie);
#define VRDE_ENTRY_FIELDS_3                                                                          \
    VRDE_ENTRY_FIELDS_2                                                                              \
    void (*VRDEAudioInOpen)(HVRDESERVER hServer, void *pvCtx, uint32_t u32ClientId,                  \
                            VRDEAUDIOFORMAT audioFormat, uint32_t u32SamplesPerBlock);               \
    void (*VRDEAudioInClose)(HVRDESERVER hServer, uint32_t u32ClientId);
#define VRDE_ENTRY_FIELDS_4                                                                          \
    VRDE_ENTRY_FIELDS_3                                                                              \
    int (*VRDEGetInterface)(HVRDESERVER hServer, const char *pszId, VRDEINTERFACEHDR *pInterface,    \
                            const VRDEINTERFACEHDR *pCallbacks, void *pvContext);

typedef struct VRDEENTRYPOINTS_1 { VRDE_ENTRY_FIELDS_1 } VRDEENTRYPOINTS_1;
typedef struct VRDEENTRYPOINTS_2 { VRDE_ENTRY_FIELDS_2 } VRDEENTRYPOINTS_2;
typedef struct VRDEENTRYPOINTS_3 { VRDE_ENTRY_FIELDS_3 } VRDEENTRYPOINTS_3;
typedef struct VRDEENTRYPOINTS_4 { VRDE_ENTRY_FIELDS_4 } VRDEENTRYPOINTS_4;
_Static_assert(sizeof(VRDEENTRYPOINTS_1) == 112, "VRDEENTRYPOINTS_1");
_Static_assert(sizeof(VRDEENTRYPOINTS_2) == 120, "VRDEENTRYPOINTS_2");
_Static_assert(sizeof(VRDEENTRYPOINTS_3) == 136, "VRDEENTRYPOINTS_3");
_Static_assert(sizeof(VRDEENTRYPOINTS_4) == 144, "VRDEENTRYPOINTS_4");
_Static_assert(offsetof(VRDEENTRYPOINTS_4, VRDEDestroy) == 16, "ep Destroy");
_Static_assert(offsetof(VRDEENTRYPOINTS_4, VRDEUpdate) == 48, "ep Update");
_Static_assert(offsetof(VRDEENTRYPOINTS_4, VRDEQueryInfo) == 104, "ep QueryInfo");
_Static_assert(offsetof(VRDEENTRYPOINTS_4, VRDERedirect) == 112, "ep Redirect");
_Static_assert(offsetof(VRDEENTRYPOINTS_4, VRDEAudioInOpen) == 120, "ep AudioInOpen");
_Static_assert(offsetof(VRDEENTRYPOINTS_4, VRDEAudioInClose) == 128, "ep AudioInClose");
_Static_assert(offsetof(VRDEENTRYPOINTS_4, VRDEGetInterface) == 136, "ep GetInterface");

/* ---- optional interface "MOUSEPTR" (v4 VRDEGetInterface) ---- */
#define VRDE_MOUSEPTR_INTERFACE_NAME "MOUSEPTR"
#define VRDE_MOUSEPTR_INTERFACE_VERSION_1 1
typedef struct VRDEMOUSEPTRINTERFACE {
    VRDEINTERFACEHDR header;
    void (*VRDEMousePtr)(HVRDESERVER hServer, const VRDEMOUSEPTRDATA *pPointer);
} VRDEMOUSEPTRINTERFACE;
_Static_assert(sizeof(VRDEMOUSEPTRINTERFACE) == 24, "VRDEMOUSEPTRINTERFACE");

/* ---- the module's exported entry points ---- */
typedef int VRDECREATESERVER(const VRDEINTERFACEHDR *pCallbacks, void *pvCallback,
                             VRDEINTERFACEHDR **ppEntryPoints, HVRDESERVER *phServer);
typedef const char *const *VRDESUPPORTEDPROPERTIES(void);

/* ---- update buffer and orders (packed, little-endian) ---- */
typedef struct VRDEORDERHDR {
    int16_t x;
    int16_t y;
    uint16_t w;
    uint16_t h;
} __attribute__((packed)) VRDEORDERHDR;
_Static_assert(sizeof(VRDEORDERHDR) == 8, "VRDEORDERHDR");
_Static_assert(offsetof(VRDEORDERHDR, w) == 4, "VRDEORDERHDR.w");

enum {
    VRDE_ORDER_DIRTY_RECT = 0,
    VRDE_ORDER_SOLIDRECT = 1,
    VRDE_ORDER_SOLIDBLT = 2,
    VRDE_ORDER_DSTBLT = 3,
    VRDE_ORDER_SCREENBLT = 4,
    VRDE_ORDER_PATBLTBRUSH = 5,
    VRDE_ORDER_MEMBLT = 6,
    VRDE_ORDER_CACHED_BITMAP = 7,
    VRDE_ORDER_DELETED_BITMAP = 8,
    VRDE_ORDER_LINE = 9,
    VRDE_ORDER_BOUNDS = 10,
    VRDE_ORDER_REPEAT = 11,
    VRDE_ORDER_POLYLINE = 12,
    VRDE_ORDER_ELLIPSE = 13,
    VRDE_ORDER_SAVESCREEN = 14,
    VRDE_ORDER_TEXT = 15,
};

#define SVP_PACKED __attribute__((packed))
typedef struct SVP_PACKED VRDEORDERCODE { uint32_t u32Code; } VRDEORDERCODE;
typedef struct SVP_PACKED VRDEORDERPOINT { int16_t x; int16_t y; } VRDEORDERPOINT;
typedef struct SVP_PACKED VRDEORDERPOLYPOINTS { uint8_t c; VRDEORDERPOINT a[16]; } VRDEORDERPOLYPOINTS;
typedef struct SVP_PACKED VRDEORDERAREA { int16_t x; int16_t y; uint16_t w; uint16_t h; } VRDEORDERAREA;
typedef struct SVP_PACKED VRDEORDERRECT { int16_t left; int16_t top; int16_t right; int16_t bottom; } VRDEORDERRECT;
typedef struct SVP_PACKED VRDEDATABITS {
    uint32_t cb;
    int16_t x;
    int16_t y;
    uint16_t cWidth;
    uint16_t cHeight;
    uint8_t cbPixel;
} VRDEDATABITS;
typedef uint8_t VRDEBITMAPHASH[16];
typedef struct SVP_PACKED VRDEORDERSOLIDRECT { int16_t x, y; uint16_t w, h; uint32_t rgb; } VRDEORDERSOLIDRECT;
typedef struct SVP_PACKED VRDEORDERSOLIDBLT { int16_t x, y; uint16_t w, h; uint32_t rgb; uint8_t rop; } VRDEORDERSOLIDBLT;
typedef struct SVP_PACKED VRDEORDERDSTBLT { int16_t x, y; uint16_t w, h; uint8_t rop; } VRDEORDERDSTBLT;
typedef struct SVP_PACKED VRDEORDERSCREENBLT {
    int16_t x, y;
    uint16_t w, h;
    int16_t xSrc, ySrc;
    uint8_t rop;
} VRDEORDERSCREENBLT;
typedef struct SVP_PACKED VRDEORDERPATBLTBRUSH {
    int16_t x, y;
    uint16_t w, h;
    int8_t xSrc, ySrc;
    uint32_t rgbFG;
    uint32_t rgbBG;
    uint8_t rop;
    uint8_t pattern[8];
} VRDEORDERPATBLTBRUSH;
typedef struct SVP_PACKED VRDEORDERMEMBLT {
    int16_t x, y;
    uint16_t w, h;
    int16_t xSrc, ySrc;
    uint8_t rop;
    VRDEBITMAPHASH hash;
} VRDEORDERMEMBLT;
typedef struct SVP_PACKED VRDEORDERCACHEDBITMAP { VRDEBITMAPHASH hash; } VRDEORDERCACHEDBITMAP;
typedef struct SVP_PACKED VRDEORDERDELETEDBITMAP { VRDEBITMAPHASH hash; } VRDEORDERDELETEDBITMAP;
typedef struct SVP_PACKED VRDEORDERLINE {
    int16_t x1, y1, x2, y2;
    int16_t xBounds1, yBounds1, xBounds2, yBounds2;
    uint8_t mix;
    uint32_t rgb;
} VRDEORDERLINE;
typedef struct SVP_PACKED VRDEORDERBOUNDS { VRDEORDERPOINT pt1; VRDEORDERPOINT pt2; } VRDEORDERBOUNDS;
typedef struct SVP_PACKED VRDEORDERREPEAT { VRDEORDERBOUNDS bounds; } VRDEORDERREPEAT;
typedef struct SVP_PACKED VRDEORDERPOLYLINE {
    VRDEORDERPOINT ptStart;
    uint8_t mix;
    uint32_t rgb;
    VRDEORDERPOLYPOINTS points;
} VRDEORDERPOLYLINE;
typedef struct SVP_PACKED VRDEORDERELLIPSE {
    VRDEORDERPOINT pt1;
    VRDEORDERPOINT pt2;
    uint8_t mix;
    uint8_t fillMode;
    uint32_t rgb;
} VRDEORDERELLIPSE;
typedef struct SVP_PACKED VRDEORDERSAVESCREEN {
    VRDEORDERPOINT pt1;
    VRDEORDERPOINT pt2;
    uint8_t ident;
    uint8_t restore;
} VRDEORDERSAVESCREEN;
typedef struct SVP_PACKED VRDEORDERTEXT {
    uint32_t cbOrder;
    int16_t xBkGround, yBkGround;
    uint16_t wBkGround, hBkGround;
    int16_t xOpaque, yOpaque;
    uint16_t wOpaque, hOpaque;
    uint16_t u16MaxGlyph;
    uint8_t u8Glyphs;
    uint8_t u8Flags;
    uint16_t u8CharInc; /* named u8 but 16 bits wide */
    uint32_t u32FgRGB;
    uint32_t u32BgRGB;
} VRDEORDERTEXT;
typedef struct SVP_PACKED VRDEORDERGLYPH {
    uint32_t o32NextGlyph;
    uint64_t u64Handle;
    int16_t x, y;
    uint16_t w, h;
    int16_t xOrigin, yOrigin;
    uint8_t au8Bitmap[1];
} VRDEORDERGLYPH;

_Static_assert(sizeof(VRDEORDERCODE) == 4, "VRDEORDERCODE");
_Static_assert(sizeof(VRDEORDERPOINT) == 4, "VRDEORDERPOINT");
_Static_assert(sizeof(VRDEORDERPOLYPOINTS) == 65, "VRDEORDERPOLYPOINTS");
_Static_assert(sizeof(VRDEORDERAREA) == 8, "VRDEORDERAREA");
_Static_assert(sizeof(VRDEORDERRECT) == 8, "VRDEORDERRECT");
_Static_assert(sizeof(VRDEDATABITS) == 13, "VRDEDATABITS");
_Static_assert(offsetof(VRDEDATABITS, cbPixel) == 12, "VRDEDATABITS.cbPixel");
_Static_assert(sizeof(VRDEORDERSOLIDRECT) == 12, "VRDEORDERSOLIDRECT");
_Static_assert(sizeof(VRDEORDERSOLIDBLT) == 13, "VRDEORDERSOLIDBLT");
_Static_assert(sizeof(VRDEORDERDSTBLT) == 9, "VRDEORDERDSTBLT");
_Static_assert(sizeof(VRDEORDERSCREENBLT) == 13, "VRDEORDERSCREENBLT");
_Static_assert(offsetof(VRDEORDERSCREENBLT, rop) == 12, "VRDEORDERSCREENBLT.rop");
_Static_assert(sizeof(VRDEORDERPATBLTBRUSH) == 27, "VRDEORDERPATBLTBRUSH");
_Static_assert(offsetof(VRDEORDERPATBLTBRUSH, rgbFG) == 10, "VRDEORDERPATBLTBRUSH.rgbFG");
_Static_assert(offsetof(VRDEORDERPATBLTBRUSH, rop) == 18, "VRDEORDERPATBLTBRUSH.rop");
_Static_assert(offsetof(VRDEORDERPATBLTBRUSH, pattern) == 19, "VRDEORDERPATBLTBRUSH.pattern");
_Static_assert(sizeof(VRDEORDERMEMBLT) == 29, "VRDEORDERMEMBLT");
_Static_assert(offsetof(VRDEORDERMEMBLT, hash) == 13, "VRDEORDERMEMBLT.hash");
_Static_assert(sizeof(VRDEORDERCACHEDBITMAP) == 16, "VRDEORDERCACHEDBITMAP");
_Static_assert(sizeof(VRDEORDERDELETEDBITMAP) == 16, "VRDEORDERDELETEDBITMAP");
_Static_assert(sizeof(VRDEORDERLINE) == 21, "VRDEORDERLINE");
_Static_assert(offsetof(VRDEORDERLINE, mix) == 16, "VRDEORDERLINE.mix");
_Static_assert(offsetof(VRDEORDERLINE, rgb) == 17, "VRDEORDERLINE.rgb");
_Static_assert(sizeof(VRDEORDERBOUNDS) == 8, "VRDEORDERBOUNDS");
_Static_assert(sizeof(VRDEORDERREPEAT) == 8, "VRDEORDERREPEAT");
_Static_assert(sizeof(VRDEORDERPOLYLINE) == 74, "VRDEORDERPOLYLINE");
_Static_assert(offsetof(VRDEORDERPOLYLINE, rgb) == 5, "VRDEORDERPOLYLINE.rgb");
_Static_assert(offsetof(VRDEORDERPOLYLINE, points) == 9, "VRDEORDERPOLYLINE.points");
_Static_assert(sizeof(VRDEORDERELLIPSE) == 14, "VRDEORDERELLIPSE");
_Static_assert(offsetof(VRDEORDERELLIPSE, rgb) == 10, "VRDEORDERELLIPSE.rgb");
_Static_assert(sizeof(VRDEORDERSAVESCREEN) == 10, "VRDEORDERSAVESCREEN");
_Static_assert(sizeof(VRDEORDERTEXT) == 34, "VRDEORDERTEXT");
_Static_assert(offsetof(VRDEORDERTEXT, u16MaxGlyph) == 20, "VRDEORDERTEXT.u16MaxGlyph");
_Static_assert(offsetof(VRDEORDERTEXT, u8Glyphs) == 22, "VRDEORDERTEXT.u8Glyphs");
_Static_assert(offsetof(VRDEORDERTEXT, u8CharInc) == 24, "VRDEORDERTEXT.u8CharInc");
_Static_assert(offsetof(VRDEORDERTEXT, u32FgRGB) == 26, "VRDEORDERTEXT.u32FgRGB");
_Static_assert(offsetof(VRDEORDERTEXT, u32BgRGB) == 30, "VRDEORDERTEXT.u32BgRGB");
_Static_assert(sizeof(VRDEORDERGLYPH) == 25, "VRDEORDERGLYPH");
_Static_assert(offsetof(VRDEORDERGLYPH, u64Handle) == 4, "VRDEORDERGLYPH.u64Handle");
_Static_assert(offsetof(VRDEORDERGLYPH, x) == 12, "VRDEORDERGLYPH.x");
_Static_assert(offsetof(VRDEORDERGLYPH, au8Bitmap) == 24, "VRDEORDERGLYPH.au8Bitmap");

/* ---- extension pack main module (VBoxExtPackRegister) ---- */
#define VBOXEXTPACKREG_VERSION 0x00030000u /* RT_MAKE_U32(0, 3): major 3 in the high word */
typedef struct VBOXEXTPACKREG {
    uint32_t u32Version;
    uint32_t uVBoxVersion;
    const char *pszNlsBaseName;
    void *pfnInstalled;
    void *pfnUninstall;
    void *pfnVirtualBoxReady;
    void *pfnUnload;
    void *pfnVMCreated;
    void *pfnQueryObject;
    void *pfnReserved1;
    void *pfnReserved2;
    void *pfnReserved3;
    void *pfnReserved4;
    void *pfnReserved5;
    void *pfnReserved6;
    uint32_t uReserved7;
    uint32_t u32EndMarker;
} VBOXEXTPACKREG;
_Static_assert(sizeof(VBOXEXTPACKREG) == 120, "VBOXEXTPACKREG");
_Static_assert(offsetof(VBOXEXTPACKREG, uVBoxVersion) == 4, "VBOXEXTPACKREG.uVBoxVersion");
_Static_assert(offsetof(VBOXEXTPACKREG, pszNlsBaseName) == 8, "VBOXEXTPACKREG.pszNlsBaseName");
_Static_assert(offsetof(VBOXEXTPACKREG, pfnInstalled) == 16, "VBOXEXTPACKREG.pfnInstalled");
_Static_assert(offsetof(VBOXEXTPACKREG, pfnUninstall) == 24, "VBOXEXTPACKREG.pfnUninstall");
_Static_assert(offsetof(VBOXEXTPACKREG, pfnVirtualBoxReady) == 32, "VBOXEXTPACKREG.pfnVirtualBoxReady");
_Static_assert(offsetof(VBOXEXTPACKREG, pfnUnload) == 40, "VBOXEXTPACKREG.pfnUnload");
_Static_assert(offsetof(VBOXEXTPACKREG, pfnVMCreated) == 48, "VBOXEXTPACKREG.pfnVMCreated");
_Static_assert(offsetof(VBOXEXTPACKREG, pfnQueryObject) == 56, "VBOXEXTPACKREG.pfnQueryObject");
_Static_assert(offsetof(VBOXEXTPACKREG, pfnReserved1) == 64, "VBOXEXTPACKREG.pfnReserved1");
_Static_assert(offsetof(VBOXEXTPACKREG, pfnReserved6) == 104, "VBOXEXTPACKREG.pfnReserved6");
_Static_assert(offsetof(VBOXEXTPACKREG, uReserved7) == 112, "VBOXEXTPACKREG.uReserved7");
_Static_assert(offsetof(VBOXEXTPACKREG, u32EndMarker) == 116, "VBOXEXTPACKREG.u32EndMarker");

/* ---- SVP's own export: counters for tests and `./svp bench vrde` ----
 * SVPVRDEGetStats(out, size) copies min(size, sizeof(struct svp_vrde_stats)) bytes of the
 * process-wide counters (all servers since the library was loaded) and returns the number of bytes
 * copied. Fields are only ever appended, so an older caller with a smaller size keeps working. */
struct svp_vrde_stats {
    uint64_t updates;           /* VRDEUpdate calls (any screen, any form) */
    uint64_t update_records;    /* ring records written inside VRDEUpdate (BITMAP bands, ORDERS, COMPLETE) */
    uint64_t bitmap_records;    /* BITMAP records written (VRDEUpdate and dirty flushes) */
    uint64_t order_records;     /* ORDERS records written */
    uint64_t bytes_written;     /* bytes of records (PAD included) written into the ring */
    uint64_t dirty_marks;       /* updates (or parts of one) turned into dirty area instead of a record */
    uint64_t dirty_flush_bands; /* BITMAP bands written by dirty flushes (control thread) */
    uint64_t wakes_written;     /* bytes written to the wake FIFO */
    uint64_t java_starts;       /* Java server processes spawned */
    uint64_t java_restarts;     /* of which restarts after the previous one died */
};
_Static_assert(sizeof(struct svp_vrde_stats) == 80, "svp_vrde_stats");
typedef size_t SVPVRDEGETSTATS(struct svp_vrde_stats *out, size_t size);

#endif
