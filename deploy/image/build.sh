#!/usr/bin/env bash
# Builds the Koers OCI image without a Docker daemon:
#
#     bash deploy/image/build.sh [OUT_DIR]        (default OUT_DIR: <repo>/artifacts/image)
#
# 1. dotnet publish src/Koers.Web, self-contained for linux-x64 (the runtime pack comes from NuGet);
# 2. a minimal root filesystem from Debian packages only (apt-get download + dpkg-deb -x): the C/C++ runtime, ICU,
#    OpenSSL, zlib, CA certificates and time zones. No shell, no package manager, no compiler, no .NET SDK;
# 3. /etc/passwd and /etc/group with the user koers (uid/gid 10001), /tmp as the only writable place (an emptyDir
#    in Kubernetes), the app in /app, owned by root and read-only for the app;
# 4. packed as an OCI image layout with umoci (rootless when not root): OUT_DIR/oci (tag koers:$TAG) and
#    OUT_DIR/koers-oci.tar (the same layout as a tar, for 'skopeo copy oci-archive:...' or 'podman load').
#
# Also leaves OUT_DIR/publish (the published app, exactly what is in /app) and OUT_DIR/packages.txt (the Debian
# packages and versions in the image). Needs: dotnet, apt-get (with current package lists), dpkg-deb, umoci, tar.
# Environment: KOERS_IMAGE_TAG (default: the git commit, else 'dev'), KOERS_PUBLISH_DIR (use an existing publish
# output instead of publishing again; it must be a self-contained linux-x64 publish of src/Koers.Web).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-$REPO_ROOT/artifacts/image}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
TAG="${KOERS_IMAGE_TAG:-$(git -C "$REPO_ROOT" rev-parse --short=12 HEAD 2>/dev/null || echo dev)}"
APP_UID=10001
APP_GID=10001

# The runtime libraries the published app loads (ldd on its native libraries; ICU and OpenSSL are loaded with
# dlopen by the .NET runtime; SkiaSharp is the NoDependencies build, so no fontconfig/freetype).
DEBIAN_PACKAGES="libc6 libgcc-s1 gcc-12-base libstdc++6 libicu72 libssl3 zlib1g ca-certificates tzdata"

log() { printf '[image] %s\n' "$*"; }
fail() { printf '[image] FOUT: %s\n' "$*" >&2; exit 1; }

for tool in dotnet apt-get dpkg-deb umoci tar; do
    command -v "$tool" >/dev/null 2>&1 || fail "'$tool' ontbreekt (Debian: apt-get install umoci; dotnet: de .NET 10 SDK)."
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/koers-image-XXXXXX")"
trap 'rm -rf -- "$WORK"' EXIT

# ------------------------------------------------------------------ 1. publish
PUBLISH="$OUT/publish"
if [ -n "${KOERS_PUBLISH_DIR:-}" ]; then
    log "publish-uitvoer uit $KOERS_PUBLISH_DIR"
    [ -x "$KOERS_PUBLISH_DIR/Koers.Web" ] || fail "$KOERS_PUBLISH_DIR/Koers.Web ontbreekt"
    if [ "$(cd "$KOERS_PUBLISH_DIR" && pwd)" != "$PUBLISH" ]; then
        rm -rf "$PUBLISH"
        cp -a "$KOERS_PUBLISH_DIR" "$PUBLISH"
    fi
else
    log "dotnet publish (Release, linux-x64, self-contained) naar $PUBLISH"
    rm -rf "$PUBLISH"
    dotnet publish "$REPO_ROOT/src/Koers.Web/Koers.Web.csproj" -c Release -r linux-x64 --self-contained true \
        -p:UseAppHost=true -p:DebugType=none -p:GenerateDocumentationFile=false -o "$PUBLISH" -nologo -v quiet
fi
# The development settings hold the public development keys; they do not belong in a production image.
rm -f "$PUBLISH/appsettings.Development.json" "$PUBLISH"/*.pdb
# createdump needs ptrace and writes dumps; with DOTNET_EnableDiagnostics=0 it is never used.
rm -f "$PUBLISH/createdump"

# ------------------------------------------------------------------ 2. root filesystem from Debian packages
ROOTFS="$WORK/rootfs"
DEBS="$WORK/debs"
mkdir -p "$ROOTFS" "$DEBS"
log "apt-get download $DEBIAN_PACKAGES"
# shellcheck disable=SC2086
(cd "$DEBS" && apt-get download -q $DEBIAN_PACKAGES >/dev/null 2>"$WORK/apt.err") \
    || { cat "$WORK/apt.err" >&2; fail "apt-get download mislukt (apt-get update gedaan?)"; }
: > "$OUT/packages.txt"
for deb in "$DEBS"/*.deb; do
    dpkg-deb -x "$deb" "$ROOTFS"
    printf '%s %s\n' "$(dpkg-deb -f "$deb" Package)" "$(dpkg-deb -f "$deb" Version)" >> "$OUT/packages.txt"
done
sort -o "$OUT/packages.txt" "$OUT/packages.txt"

# Debian 12 is merged-/usr: /lib, /lib64, /bin and /sbin are links into /usr (bookworm's packages still ship /lib).
for d in lib lib64 bin sbin; do
    if [ -d "$ROOTFS/$d" ] && [ ! -L "$ROOTFS/$d" ]; then
        mkdir -p "$ROOTFS/usr/$d"
        cp -a "$ROOTFS/$d/." "$ROOTFS/usr/$d/"
        rm -rf "${ROOTFS:?}/$d"
    fi
    mkdir -p "$ROOTFS/usr/$d"
    ln -s "usr/$d" "$ROOTFS/$d"
done

# What the packages' maintainer scripts would have done: the CA bundle (update-ca-certificates) and the loader cache.
mkdir -p "$ROOTFS/etc/ssl/certs"
find "$ROOTFS/usr/share/ca-certificates" -name '*.crt' -print0 | sort -z | xargs -0 cat > "$ROOTFS/etc/ssl/certs/ca-certificates.crt"
[ -s "$ROOTFS/etc/ssl/certs/ca-certificates.crt" ] || fail "geen CA-certificaten gevonden"
ln -sf /usr/share/zoneinfo/Etc/UTC "$ROOTFS/etc/localtime"
echo "Etc/UTC" > "$ROOTFS/etc/timezone"
printf 'include /etc/ld.so.conf.d/*.conf\n' > "$ROOTFS/etc/ld.so.conf"
if command -v ldconfig >/dev/null 2>&1 || [ -x /sbin/ldconfig ]; then
    "$(command -v ldconfig || echo /sbin/ldconfig)" -r "$ROOTFS" 2>/dev/null || log "ldconfig -r lukte niet; de loader zoekt dan in de standaardmappen"
fi

# Documentation, manual pages and maintainer leftovers: not needed to run.
rm -rf "$ROOTFS/usr/share/doc" "$ROOTFS/usr/share/man" "$ROOTFS/usr/share/lintian" "$ROOTFS/usr/share/info" \
       "$ROOTFS/usr/share/locale" "$ROOTFS/usr/share/bug" "$ROOTFS/usr/sbin/update-ca-certificates" \
       "$ROOTFS/usr/sbin/tzconfig" 2>/dev/null || true
# libc6's gconv modules are for iconv(3), which .NET does not use; ldd/ldconfig are not in libc6 (they are libc-bin).
rm -rf "$ROOTFS/usr/lib/x86_64-linux-gnu/gconv"

# Users, name lookup, and the writable /tmp.
cat > "$ROOTFS/etc/passwd" <<EOF
root:x:0:0:root:/root:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
koers:x:$APP_UID:$APP_GID:Koers:/app:/usr/sbin/nologin
EOF
cat > "$ROOTFS/etc/group" <<EOF
root:x:0:
nogroup:x:65534:
koers:x:$APP_GID:
EOF
printf 'hosts:    files dns\nnetworks: files\npasswd:   files\ngroup:    files\n' > "$ROOTFS/etc/nsswitch.conf"
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$ROOTFS/etc/hosts"
mkdir -p "$ROOTFS/tmp" "$ROOTFS/root" "$ROOTFS/proc" "$ROOTFS/sys" "$ROOTFS/dev"
chmod 1777 "$ROOTFS/tmp"
chmod 700 "$ROOTFS/root"

# The app: owned by root, read-only for uid 10001.
mkdir -p "$ROOTFS/app"
cp -a "$PUBLISH/." "$ROOTFS/app/"
chmod -R u=rwX,go=rX "$ROOTFS/app"
chmod 755 "$ROOTFS/app/Koers.Web"
cp "$OUT/packages.txt" "$ROOTFS/app/debian-packages.txt"

# Files owned by root in the image (as root the extracted files already are; rootless umoci maps us to 0).
if [ "$(id -u)" = 0 ]; then chown -R 0:0 "$ROOTFS"; fi

# ------------------------------------------------------------------ 3. OCI image
LAYOUT="$OUT/oci"
rm -rf "$LAYOUT" "$OUT/koers-oci.tar"
ROOTLESS=""
[ "$(id -u)" = 0 ] || ROOTLESS="--rootless"
log "umoci: OCI-layout $LAYOUT, tag $TAG"
umoci init --layout "$LAYOUT"
umoci new --image "$LAYOUT:$TAG"
umoci unpack $ROOTLESS --image "$LAYOUT:$TAG" "$WORK/bundle" >/dev/null
rm -rf "$WORK/bundle/rootfs"
mv "$ROOTFS" "$WORK/bundle/rootfs"
umoci repack --history.created_by "deploy/image/build.sh" --image "$LAYOUT:$TAG" "$WORK/bundle"

CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
REVISION="$(git -C "$REPO_ROOT" rev-parse HEAD 2>/dev/null || echo unknown)"
umoci config --history.created_by "deploy/image/build.sh (config)" --image "$LAYOUT:$TAG" \
    --os linux --architecture amd64 \
    --config.user "$APP_UID:$APP_GID" \
    --config.workingdir /app \
    --config.entrypoint /app/Koers.Web \
    --clear config.cmd \
    --config.exposedports 8080/tcp \
    --config.stopsignal SIGTERM \
    --config.env "PATH=/app" \
    --config.env "ASPNETCORE_ENVIRONMENT=Production" \
    --config.env "ASPNETCORE_HTTP_PORTS=8080" \
    --config.env "ASPNETCORE_CONTENTROOT=/app" \
    --config.env "DOTNET_RUNNING_IN_CONTAINER=true" \
    --config.env "DOTNET_EnableDiagnostics=0" \
    --config.env "DOTNET_TC_CallCountingDelayMs=0" \
    --config.env "TMPDIR=/tmp" \
    --config.env "HOME=/tmp" \
    --config.env "Database__Provider=Postgres" \
    --config.label "org.opencontainers.image.title=Koers" \
    --config.label "org.opencontainers.image.description=Koers, zaaksysteem voor inburgering" \
    --config.label "org.opencontainers.image.revision=$REVISION" \
    --config.label "org.opencontainers.image.version=$TAG" \
    --config.label "org.opencontainers.image.created=$CREATED" \
    --created "$CREATED"
# The image's name as tools show it (skopeo/podman read this annotation from index.json).
umoci tag --image "$LAYOUT:$TAG" latest
umoci gc --layout "$LAYOUT"
chmod -R a+rX "$LAYOUT"

(cd "$LAYOUT" && tar --sort=name -cf "$OUT/koers-oci.tar" .)
log "klaar: $LAYOUT (tags: $TAG, latest), $OUT/koers-oci.tar ($(du -h "$OUT/koers-oci.tar" | cut -f1))"
