extension OpenAPIDocument {
    /// The components: schemas, parameters and responses the paths refer to.
    static let components = #"""
components:
  parameters:
    AcceptLanguage:
      name: Accept-Language
      in: header
      required: false
      schema: {type: string}
      example: vi
  responses:
    Error:
      description: An error with a stable code.
      content:
        application/json:
          schema: {$ref: '#/components/schemas/Error'}
  schemas:
    Readiness:
      type: object
      additionalProperties: false
      required: [status]
      properties:
        status: {type: string, enum: [ready, degraded]}
        registry:
          type: object
          additionalProperties: false
          description: The registry snapshot this server answers from.
          required: [generation, ageSeconds, refreshFailures, connected]
          properties:
            generation: {type: integer, description: Snapshots loaded since the server started}
            version: {type: integer, description: The version of the shared registry the snapshot reflects (PostgreSQL)}
            ageSeconds: {type: integer, description: Seconds since the snapshot was loaded}
            refreshFailures: {type: integer, description: Failed reloads or reconnections since start}
            connected: {type: boolean, description: False while the shared registry is away}
            lastError: {type: string, description: The last failure; names the server, never its password}
    Error:
      type: object
      required: [error]
      properties:
        error:
          type: object
          required: [code, status, message]
          properties:
            code:
              type: string
              enum: [malformed-request, not-found, body-too-large, too-many-codes, unsupported-media-type,
                     unreadable-image, unreadable-inventory, rate-limited, busy, shutting-down, timeout, registry-error]
            status: {type: integer}
            message: {type: string}
    InventoryAnswer:
      type: object
      required: [summary, reportHTML, checkedCSV]
      properties:
        summary: {$ref: '#/components/schemas/InventorySummary'}
        reportHTML:
          type: string
          description: One section element of class hv-report with every text escaped (as in batch --report).
        checkedCSV:
          type: string
          description: The input rows with HangViet's columns added (as batch writes them).
    InventorySummary:
      type: object
      required: [rows, shares, definitions, outcomes, topForeignIssuers, invalid, foreignGroupBrands, badNumbers]
      properties:
        file: {type: string}
        rows: {type: integer}
        shares:
          type: object
          description: Per weight (sku; quantity and value when given) the amount counted and each category's amount and share.
        definitions: {type: object}
        outcomes: {type: object}
        topForeignIssuers:
          type: array
          items:
            type: object
            properties:
              name: {type: string}
              rows: {type: integer}
        invalid:
          type: object
          properties:
            count: {type: integer}
            rows:
              type: array
              items:
                type: object
                properties:
                  line: {type: integer}
                  input: {type: string}
                  reason: {type: string}
        foreignGroupBrands:
          type: object
          description: 893 rows whose brand a foreign group controls (the first 1000), with who.
          properties:
            count: {type: integer}
            rows:
              type: array
              items:
                type: object
                properties:
                  line: {type: integer}
                  input: {type: string}
                  owner: {type: string}
        badNumbers:
          type: object
          properties:
            count: {type: integer}
            cells:
              type: array
              items:
                type: object
                properties:
                  line: {type: integer}
                  column: {type: string}
                  text: {type: string}
    Verdict:
      type: object
      required: [input, outcome, shareCategory, valid, summary, caveats]
      properties:
        input: {type: string}
        outcome:
          type: string
          enum: [declared-vietnamese-origin, declared-foreign-origin, vietnamese-registrant, foreign-registrant,
                 vietnamese-book, foreign-book, not-applicable, invalid, unknown]
        shareCategory:
          type: string
          description: >-
            How the code counts towards the share of Vietnamese goods. confirmed needs evidence beyond
            the 893 prefix (AI 422 declaring VN, a Vietnamese-owned brand, a current OCOP rating, a
            Vietnamese GI); registrant-only is an 893 number or Vietnamese ISBN and nothing more.
          enum: [confirmed, registrant-only, registrant-foreign-group, other, not-counted]
        valid: {type: boolean}
        reason: {type: string}
        summary: {type: string}
        code:
          type: object
          properties:
            format: {type: string}
            digits: {type: string}
            gtin14: {type: string}
            printed: {type: string}
        issuer: {type: object}
        companyPrefix: {type: object}
        isbn: {type: object}
        issn: {type: string}
        countryOfOrigin: {type: object}
        elements: {type: array, items: {type: object}}
        digitalLink: {type: object}
        link: {type: string}
        text: {type: string}
        registry:
          type: array
          items:
            type: object
            required: [id, kind, name, source]
            properties:
              id: {type: string}
              kind: {type: string, enum: [brand, product, ocop, geographical-indication, brand-ownership, recognition, hotline]}
              name: {type: string}
              note: {type: string}
              ownership: {type: string, enum: [vietnamese, foreign-group, unverified]}
              ocop: {type: object}
              attributes: {type: object}
              source: {$ref: '#/components/schemas/Source'}
              brandTag: {type: boolean, description: "a brand seen with the prefix in Open Food Facts tags, not a company"}
              originWarning: {type: string, description: "brand owners only: the sourced warning that the brand sold foreign-made goods as Vietnamese"}
        error: {type: object}
        caveats:
          type: array
          items:
            type: object
            required: [code, message]
            properties:
              code: {type: string}
              message: {type: string}
    ScanReport:
      type: object
      required: [status]
      properties:
        file: {type: string}
        status: {type: string, enum: [ok, no-code, error]}
        format: {type: string}
        width: {type: integer}
        height: {type: integer}
        passes: {type: array, items: {type: string}}
        warning: {type: string}
        error:
          description: Why the image could not be read (status `error`).
          type: object
          required: [code, message]
          properties:
            code: {type: string, enum: [empty-input, unsupported-format, too-many-pixels, corrupt-image, unreadable, input-too-large]}
            message: {type: string}
            cause: {type: string}
        timedOut: {type: boolean}
        milliseconds: {type: integer}
        codes:
          type: array
          items:
            type: object
            required: [symbology, confidence]
            properties:
              symbology: {type: string}
              text: {type: string}
              encoding: {type: string}
              bytesHex: {type: string}
              addOn: {type: string}
              gs1: {type: boolean}
              quality: {type: integer, description: scan lines that read the code, summed over passes}
              pass: {type: string}
              confidence: {$ref: '#/components/schemas/ReadConfidence'}
              polygon: {type: array, items: {type: array, items: {type: integer}}}
              verdict: {$ref: '#/components/schemas/Verdict'}
    ReadConfidence:
      description: >-
        How sure a read from a photo is. `confirmed`: a second, independent decoder (zxing-cpp)
        read the same text (reason `two-decoders`), the brightness across an EAN/UPC's bars,
        fitted digit by digit on several lines, shows the read clearly and no other code
        (`fitted-bars`), or a 2D code's error correction checked it. Anything else is
        doubtful, and the verdict says so (caveat `doubtful-read`): `unconfirmed` (one decoder,
        several scan lines), `single-read` (one scan line), `conflicting` (another text was read
        at the same place; see `alternatives`). Reason `bar-fit`: the decoders read the
        alternative, but the bars' brightness, fitted digit by digit, shows this code clearly better.
        Reason `bar-darkness`: the alternative differs from this code only by 1/7 or 2/8 (digits
        told apart by bar widths alone), and how dark each digit is on average shows this code.
      type: object
      required: [level, reason]
      properties:
        level: {type: string, enum: [confirmed, unconfirmed, single-read, conflicting]}
        reason: {type: string, enum: [two-decoders, fitted-bars, error-correction, one-decoder, blur-model, other-reading, bar-fit, bar-darkness]}
        alternatives: {type: array, items: {type: string}}
    Source:
      description: Where a fact comes from, and when it was read.
      type: object
      required: [addresses]
      properties:
        addresses: {type: array, items: {type: string}}
        title: {type: string}
        retrieved: {type: string}
        licence: {type: string}
    Hotline:
      type: object
      required: [agency, numberOrChannel, scope, asOf, source]
      properties:
        agency: {type: string}
        parentBody: {type: string}
        numberOrChannel: {type: string}
        channelType: {type: string}
        takes: {type: string}
        scope: {type: string}
        asOf: {type: string}
        statusNote: {type: string}
        source: {$ref: '#/components/schemas/Source'}
    RegistryEntry:
      type: object
      required: [id, kind, name, fields, source]
      properties:
        id: {type: string}
        kind: {type: string, enum: [brands, gtins, ocop, gi, ownership, recognition, hotlines]}
        name: {type: string}
        origin: {type: string, enum: [seed, user]}
        fields: {type: object, additionalProperties: {type: string}}
        source: {$ref: '#/components/schemas/Source'}
"""#
}
