/* test_create.c: version negotiation, the entry tables, VRDEGetInterface, create failure,
 * destroy's port report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "host.h"
#include "tests.h"

static void expect_version(uint64_t version, uint64_t size, int want_rc, uint64_t entry_version,
                           uint64_t entry_size) {
    host_clear_events();
    int rc = host_create(version, size);
    CHECK(rc == want_rc, "create {%llu, %llu}: %d, want %d", (unsigned long long)version,
          (unsigned long long)size, rc, want_rc);
    if (rc < 0) {
        return;
    }
    VRDEINTERFACEHDR *hdr = &H.ep->header;
    CHECK(hdr->u64Version == entry_version && hdr->u64Size == entry_size, "entry table {%llu, %llu}",
          (unsigned long long)hdr->u64Version, (unsigned long long)hdr->u64Size);
    CHECK(H.ep->VRDEUpdate != NULL && H.ep->VRDEQueryInfo != NULL && H.ep->VRDEDestroy != NULL, "entry points");
    char dir[512];
    CHECK(host_instance_dir(dir, sizeof dir) == 0, "one instance directory under %s", host_dir_base);
    host_destroy();
    CHECK(host_instance_dir(dir, sizeof dir) != 0, "instance directory left behind");
    struct host_event port = host_last_event('P');
    CHECK(port.kind == 'P' && port.a == 0xFFFFFFFFu, "destroy reported port %#x", port.a);
}

void test_versions(void) {
    expect_version(4, 120, VINF_SUCCESS, 4, 144);
    expect_version(3, 120, VINF_SUCCESS, 3, 136);
    expect_version(1, 112, VINF_SUCCESS, 1, 112);
    expect_version(2, 112, VERR_VERSION_MISMATCH, 0, 0);
    expect_version(5, 120, VERR_VERSION_MISMATCH, 0, 0);
    expect_version(4, 112, VERR_VERSION_MISMATCH, 0, 0);
    expect_version(4, 144, VERR_VERSION_MISMATCH, 0, 0);
    expect_version(1, 120, VERR_VERSION_MISMATCH, 0, 0);
    expect_version(3, 112, VERR_VERSION_MISMATCH, 0, 0);

    CHECK_EQ(host_create(4, 120), VINF_SUCCESS);
    if (H.server != NULL) {
        VRDEMOUSEPTRINTERFACE mp = {.header = {1, sizeof mp}};
        CHECK_EQ(H.ep->VRDEGetInterface(H.server, "MOUSEPTR", &mp.header, NULL, NULL), VINF_SUCCESS);
        CHECK(mp.VRDEMousePtr != NULL, "MOUSEPTR table not filled");
        VRDEMOUSEPTRINTERFACE bad = {.header = {2, sizeof bad}};
        CHECK_EQ(H.ep->VRDEGetInterface(H.server, "MOUSEPTR", &bad.header, NULL, NULL), VERR_VERSION_MISMATCH);
        uint8_t other[64] = {1, 0, 0, 0, 0, 0, 0, 0, 64};
        CHECK_EQ(H.ep->VRDEGetInterface(H.server, "IMAGE", (VRDEINTERFACEHDR *)other, NULL, NULL), VERR_NOT_SUPPORTED);
        CHECK_EQ(H.ep->VRDEGetInterface(H.server, "VRDE::INPUT", (VRDEINTERFACEHDR *)other, NULL, NULL),
                 VERR_NOT_SUPPORTED);
        /* the other entry points are safe no-ops */
        uint32_t read = 77;
        uint8_t buf[16];
        H.ep->VRDEClipboard(H.server, VRDE_CLIPBOARD_FUNCTION_DATA_READ, 1, buf, sizeof buf, &read);
        CHECK_EQ(read, 0);
        H.ep->VRDEClipboard(H.server, VRDE_CLIPBOARD_FUNCTION_FORMAT_ANNOUNCE, 1, NULL, 0, NULL);
        H.ep->VRDEAudioSamples(H.server, buf, 4, 0);
        H.ep->VRDEAudioVolume(H.server, 1, 2);
        H.ep->VRDEUSBRequest(H.server, 1, buf, sizeof buf);
        H.ep->VRDERedirect(H.server, 1, "h", NULL, NULL, NULL, 0, NULL);
        H.ep->VRDEAudioInOpen(H.server, NULL, 1, 0, 0);
        H.ep->VRDEAudioInClose(H.server, 1);
        H.ep->VRDEDisconnect(H.server, 1, false);
        H.ep->VRDEUpdate(H.server, 1, NULL, 0); /* screen 1: ignored */
        host_destroy();
    }
    printf("ok   version negotiation: {4,120}→144, {3,120}→136, {1,112}→112, others -11; MOUSEPTR only\n");
}

void test_create_failure(void) {
    host_clear_events();
    printf("     (the module's error line below is expected)\n");
    setenv("SVP_VRDE_DIR_BASE", "/nonexistent/svp-test", 1);
    int rc = host_create(4, 120);
    setenv("SVP_VRDE_DIR_BASE", host_dir_base, 1);
    CHECK(rc < 0, "create without a directory succeeded");
    struct host_event port = host_last_event('P');
    CHECK(port.kind == 'P' && port.a == 0, "create failure reported port %u", port.a);
    if (rc >= 0) {
        host_destroy();
    }
    printf("ok   create failure: status %d, port 0 reported\n", rc);
}
