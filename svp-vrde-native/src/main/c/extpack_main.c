/*
 * extpack_main.c: SVPMain.so, the extension pack's mandatory main module. VBoxSVC loads it and
 * calls VBoxExtPackRegister; a static registration record with no hooks is all a VRDE-only pack
 * needs (VirtualBox checks the version's high word and that the end marker equals the version).
 */
#include "vrde_abi.h"

static const VBOXEXTPACKREG registration = {
    .u32Version = VBOXEXTPACKREG_VERSION,
    .uVBoxVersion = 0,
    .pszNlsBaseName = 0,
    .u32EndMarker = VBOXEXTPACKREG_VERSION,
};

__attribute__((visibility("default"))) int VBoxExtPackRegister(const void *pHlp, const VBOXEXTPACKREG **ppReg,
                                                                void *pErrInfo) {
    (void)pHlp, (void)pErrInfo;
    if (ppReg == 0) {
        return VERR_INVALID_PARAMETER;
    }
    *ppReg = &registration;
    return VINF_SUCCESS;
}
