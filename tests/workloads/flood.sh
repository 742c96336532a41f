#!/bin/bash
# flood.sh DISPLAY SECONDS -- a second, heavier desktop workload (see flood.py)
exec /usr/bin/python3 "$(dirname "$0")/flood.py" "${1:?DISPLAY}" "${2:?SECONDS}"
