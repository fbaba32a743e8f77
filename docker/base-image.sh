#!/usr/bin/env bash
# Makes the base image debian:bookworm-slim locally, for machines that reach Debian's package mirror
# but no image registry (CI here). Elsewhere, `docker pull debian:bookworm-slim` does the same job.
#
#   sudo docker/base-image.sh            # once; does nothing when the image exists
#
# The image is a minimal Debian 12 (debootstrap --variant=minbase) with ca-certificates and the
# machine's own locally added authorities (/usr/local/share/ca-certificates), so that HTTPS from
# inside `docker build` works behind the same intercepting proxy as on the host.
set -euo pipefail
image=${1:-debian:bookworm-slim}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "base image $image exists"
  exit 0
fi
command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install debootstrap" >&2; exit 1; }

root=$(mktemp -d /tmp/bookworm-root.XXXXXX)
trap 'rm -rf "$root"' EXIT
debootstrap --variant=minbase --include=ca-certificates bookworm "$root" "$mirror"
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates
fi
# As the official slim image: no apt lists, docs or caches.
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/tmp/*
tar -C "$root" -c . | docker import - "$image"
docker image ls "$image"
