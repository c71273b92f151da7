// `--dry-run`: the request the client would send, as a curl command, credentials masked.
/** Headers whose values are credentials whatever the scheme: masked whole. */
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie)$|token|secret|key|password|signature|credential|auth/i;
/** Query parameters the same. */
const SECRET_PARAM = /token|secret|key|password|signature|credential|auth/i;
export const MASK = "***";
/** A POSIX shell word: single-quoted unless it is plainly safe. */
export function shellQuote(text) {
    return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
/** Every secret value replaced by the mask, as written and percent-encoded. */
export function redact(text, secrets) {
    let out = text;
    // Longest first, so that a secret inside another is not left half-masked.
    for (const secret of [...secrets].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length)) {
        for (const form of new Set([secret, encodeURIComponent(secret)]))
            out = out.split(form).join(MASK);
    }
    return out;
}
export function toCurl(request, context) {
    const names = new Set(context.secretNames.map((n) => n.toLowerCase()));
    const url = new URL(request.url);
    const query = url.search
        ? `?${url.search
            .slice(1)
            .split("&")
            .map((pair) => {
            const eq = pair.indexOf("=");
            if (eq < 0)
                return pair;
            const name = safeDecode(pair.slice(0, eq));
            return SECRET_PARAM.test(name) || names.has(name.toLowerCase()) ? `${pair.slice(0, eq)}=${MASK}` : pair;
        })
            .join("&")}`
        : "";
    const parts = [
        `curl -X ${shellQuote(request.method)} ${shellQuote(`${url.origin}${url.pathname}${query}`)}`,
    ];
    request.headers.forEach((value, name) => {
        const masked = SECRET_HEADER.test(name) || names.has(name) ? MASK : value;
        parts.push(`-H ${shellQuote(`${name}: ${masked}`)}`);
    });
    const body = request.body;
    if (body instanceof FormData) {
        body.forEach((value, name) => {
            if (typeof value === "string")
                parts.push(`--form-string ${shellQuote(`${name}=${value}`)}`);
            else {
                const path = context.files.get(value) ?? fileOf(context.files, value);
                const type = value.type ? `;type=${value.type}` : "";
                parts.push(`-F ${shellQuote(`${name}=@${path ?? value.name}${type}`)}`);
            }
        });
    }
    else if (body instanceof URLSearchParams) {
        parts.push(`--data-raw ${shellQuote(body.toString())}`);
    }
    else if (typeof body === "string") {
        parts.push(`--data-raw ${shellQuote(body)}`);
    }
    else if (body instanceof Blob) {
        parts.push(`--data-binary ${shellQuote(`@${context.files.get(body) ?? fileOf(context.files, body) ?? "-"}`)}`);
    }
    return `${redact(parts.join(" \\\n  "), context.secrets)}\n`;
}
/** FormData hands back a copy of a File: found by name, size and type. */
function fileOf(files, value) {
    for (const [blob, path] of files) {
        if (blob.size === value.size &&
            blob.type === value.type &&
            (!(value instanceof File) || (blob instanceof File && blob.name === value.name)))
            return path;
    }
    return undefined;
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text.replace(/\+/g, " "));
    }
    catch {
        return text;
    }
}
