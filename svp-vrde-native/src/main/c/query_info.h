/* query_info.h: VRDEQueryInfo, answered from the ring header's info block (written by the Java
 * side under its seqlock). Any VirtualBox thread; never blocks. */
#ifndef SVP_QUERY_INFO_H
#define SVP_QUERY_INFO_H

#include "server.h"

void query_info(struct svp_server *s, uint32_t index, void *pv, uint32_t cb, uint32_t *pcb_out);

#endif
