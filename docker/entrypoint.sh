#!/bin/sh
# Runs saath as the image's non-root user. The models live on a writable volume (/app/models) so that `train` and
# `promote` can write next to them; on the first start with an empty volume the committed models are copied in.
set -eu
if [ -z "$(ls -A /app/models 2>/dev/null)" ]; then
  cp -R /app/models.dist/. /app/models/
  echo "saath: copied the committed models into the empty /app/models volume" >&2
fi
exec java ${JAVA_OPTS:-} -jar /app/saath.jar "$@"
