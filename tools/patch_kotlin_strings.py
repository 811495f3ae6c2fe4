"""Makes the Kotlin bindings uniffi generates refuse a lone surrogate with hospes's own error.

uniffi's Kotlin code encodes every String to UTF-8 with a strict encoder, which throws
java.nio.charset.MalformedInputException for a lone surrogate ("\\uD800") before hospes is
called: a host would get an I/O exception instead of the typed `HospesException` with the
code `input.invalid` that every other unreadable value gets. This rewrites that one function in
each generated file; `make bindings-generate` and the staleness check of `make test` both run it,
so the checked-in bindings are uniffi's output plus exactly this change.

    python3 tools/patch_kotlin_strings.py DIR
"""

import sys
from pathlib import Path

ORIGINAL = """        return Charsets.UTF_8.newEncoder().run {
            onMalformedInput(CodingErrorAction.REPORT)
            encode(CharBuffer.wrap(value))
        }
"""

PATCHED = """        return try {
            Charsets.UTF_8.newEncoder().run {
                onMalformedInput(CodingErrorAction.REPORT)
                encode(CharBuffer.wrap(value))
            }
        } catch (e: java.nio.charset.CharacterCodingException) {
            // Patched by tools/patch_kotlin_strings.py: hospes's typed error, not an I/O error.
            throw dev.hospes.model.HospesException.Failed(
                "input.invalid",
                dev.hospes.model.ErrorFamily.INPUT,
                "Invalid input: text with a lone surrogate (\\\\ud800-\\\\udfff) is not valid Unicode",
                mapOf(
                    "fr" to "Données invalides : un texte avec un demi-caractère isolé (\\\\ud800-\\\\udfff) n’est pas de l’Unicode valide",
                    "en" to "Invalid input: text with a lone surrogate (\\\\ud800-\\\\udfff) is not valid Unicode",
                    "es" to "Datos no válidos: un texto con un sustituto aislado (\\\\ud800-\\\\udfff) no es Unicode válido",
                ),
                mapOf("detail" to "text with a lone surrogate (\\\\ud800-\\\\udfff) is not valid Unicode"),
            )
        }
"""


def main(directory: str) -> None:
    patched = 0
    for path in sorted(Path(directory).rglob("*.kt")):
        text = path.read_text(encoding="utf-8")
        if ORIGINAL in text:
            path.write_text(text.replace(ORIGINAL, PATCHED), encoding="utf-8")
            patched += 1
    if patched == 0:
        sys.exit(f"no uniffi string encoder found under {directory}: has uniffi's output changed?")


if __name__ == "__main__":
    main(sys.argv[1])
