/// The OpenAPI 3.1 description served at `GET /openapi.yaml`. `APIContractTests` checks the
/// CLI's and the server's JSON against its schemas (every key written must be declared), and
/// schemathesis checks the live server against it (Scripts/api-check.sh).
public enum OpenAPIDocument {
    public static let yaml = #"""
openapi: 3.1.0
info:
  title: HangViet
  version: 0.1.0
  summary: Is this Vietnamese goods? Offline, honest answers from barcodes.
  description: |
    Verdicts never claim more than their evidence: prefix 893 means a number licensed through
    GS1 Vietnam, not goods made in Viet Nam; only GS1 AI 422 declares a country of origin; a
    valid barcode does not prove a genuine product. Responses are the same JSON as the CLI's
    `--format json`. `Accept-Language: vi` gives messages in Vietnamese (default English).
servers:
  - url: http://127.0.0.1:8080
paths:
  /v1/codes/{code}:
    get:
      operationId: checkCode
      summary: One verdict for a barcode number, GS1 element string or Digital Link (percent-encoded).
      parameters:
        - name: code
          in: path
          required: true
          schema: {type: string, minLength: 1, maxLength: 512}
          example: "8934563138165"
        - $ref: '#/components/parameters/AcceptLanguage'
      responses:
        '200':
          description: The verdict (also for invalid codes, with outcome "invalid").
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Verdict'}
        '400': {$ref: '#/components/responses/Error'}
        '429': {$ref: '#/components/responses/Error'}
        '503': {$ref: '#/components/responses/Error'}
  /v1/codes:
    post:
      operationId: checkCodes
      summary: Verdicts for a JSON array of codes (at most 1000 by default).
      parameters:
        - $ref: '#/components/parameters/AcceptLanguage'
      requestBody:
        required: true
        content:
          application/json:
            schema:
              oneOf:
                - type: array
                  items: {type: string}
                - type: object
                  required: [codes]
                  properties:
                    codes:
                      type: array
                      items: {type: string}
            example: ["8934563138165", "9786045823453"]
      responses:
        '200':
          description: One verdict per code, in order.
          content:
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/Verdict'}
        '400': {$ref: '#/components/responses/Error'}
        '413': {$ref: '#/components/responses/Error'}
        '429': {$ref: '#/components/responses/Error'}
        '503': {$ref: '#/components/responses/Error'}
  /v1/scan:
    post:
      operationId: scanImage
      summary: Decode the barcodes in a photo (JPEG, PNG, WebP, HEIC/HEIF, PGM/PPM, BMP) and give each code's verdict.
      parameters:
        - $ref: '#/components/parameters/AcceptLanguage'
      requestBody:
        required: true
        content:
          image/*:
            schema: {type: string, format: binary}
          application/octet-stream:
            schema: {type: string, format: binary}
          multipart/form-data:
            schema:
              type: object
              properties:
                image: {type: string, format: binary}
      responses:
        '200':
          description: The scan report (status "ok" with codes, or "no-code").
          content:
            application/json:
              schema: {$ref: '#/components/schemas/ScanReport'}
        '400': {$ref: '#/components/responses/Error'}
        '413': {$ref: '#/components/responses/Error'}
        '415': {$ref: '#/components/responses/Error'}
        '422': {$ref: '#/components/responses/Error'}
        '429': {$ref: '#/components/responses/Error'}
        '503': {$ref: '#/components/responses/Error'}
  /v1/registry/search:
    get:
      operationId: searchRegistry
      summary: Search the registry (brands, GTINs, OCOP products, geographical indications), ignoring case and diacritics.
      parameters:
        - name: q
          in: query
          required: true
          schema: {type: string, minLength: 1, maxLength: 200}
          example: nuoc mam phu quoc
        - name: limit
          in: query
          required: false
          schema: {type: integer, minimum: 1, maximum: 50, default: 20}
      responses:
        '200':
          description: Matching entries, best first, each with its source.
          content:
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/RegistryEntry'}
        '400': {$ref: '#/components/responses/Error'}
        '429': {$ref: '#/components/responses/Error'}
        '503': {$ref: '#/components/responses/Error'}
  /v1/hotlines:
    get:
      operationId: hotlines
      summary: Where to report counterfeit, smuggled or unsafe goods; national lines first, each with its date and source.
      responses:
        '200':
          description: The hotlines (numbers as printed at their source's date).
          content:
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/Hotline'}
  /v1/inventory:
    post:
      operationId: checkInventory
      summary: Check an inventory (CSV, TSV or an Excel .xlsx workbook) as `hangviet batch` does, with the share of Vietnamese goods.
      parameters:
        - $ref: '#/components/parameters/AcceptLanguage'
        - name: name
          in: query
          required: false
          schema: {type: string, maxLength: 200}
          description: The file's name, used in messages and in the report.
        - name: column
          in: query
          required: false
          schema: {type: string, maxLength: 200}
          description: The barcode column (its header or its number, 1 = first); found by its header when absent.
        - name: quantity
          in: query
          required: false
          schema: {type: string, maxLength: 200}
          description: The quantity column, for shares by quantity.
        - name: price
          in: query
          required: false
          schema: {type: string, maxLength: 200}
          description: The unit price column, for shares by value.
        - name: output
          in: query
          required: false
          schema: {type: string, enum: [json, csv]}
          description: csv gives only the checked rows (as does Accept text/csv).
      requestBody:
        required: true
        content:
          text/csv:
            schema: {type: string, format: binary}
          text/tab-separated-values:
            schema: {type: string, format: binary}
          application/vnd.openxmlformats-officedocument.spreadsheetml.sheet:
            schema: {type: string, format: binary}
          multipart/form-data:
            schema:
              type: object
              properties:
                file: {type: string, format: binary}
      responses:
        '200':
          description: The summary (as `batch --summary`), the report section (as in `batch --report`) and the checked rows (as `batch` writes them).
          content:
            application/json:
              schema: {$ref: '#/components/schemas/InventoryAnswer'}
            text/csv:
              schema: {type: string}
        '400': {$ref: '#/components/responses/Error'}
        '413': {$ref: '#/components/responses/Error'}
        '415': {$ref: '#/components/responses/Error'}
        '422': {$ref: '#/components/responses/Error'}
        '429': {$ref: '#/components/responses/Error'}
        '503': {$ref: '#/components/responses/Error'}
  /:
    get:
      operationId: webPage
      summary: The web page for shoppers and shop staff (Vietnamese by default; ?lang=en switches and is remembered in a cookie).
      parameters:
        - name: lang
          in: query
          required: false
          schema: {type: string}
          description: vi or en switches the page's language (remembered in a cookie); any other value is ignored.
      responses:
        '200':
          description: The page (self-contained; its script and style sheet are under /assets/).
          content:
            text/html:
              schema: {type: string}
        '304':
          description: Not modified (If-None-Match matched the ETag).
  /healthz:
    get:
      operationId: health
      summary: The process is up.
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                required: [status]
                properties:
                  status: {type: string, const: ok}
  /readyz:
    get:
      operationId: ready
      summary: The server takes requests (503 while shutting down).
      responses:
        '200':
          description: Ready
          content:
            application/json:
              schema:
                type: object
                required: [status]
                properties:
                  status: {type: string, const: ready}
        '503': {$ref: '#/components/responses/Error'}
  /metrics:
    get:
      operationId: metrics
      summary: Prometheus text metrics (requests, latencies, scans).
      responses:
        '200':
          description: Prometheus exposition format
          content:
            text/plain:
              schema: {type: string}
  /openapi.yaml:
    get:
      operationId: openapi
      summary: This document.
      responses:
        '200':
          description: OpenAPI 3.1
          content:
            application/yaml:
              schema: {type: string}
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
        read the same text, or a 2D code's error correction checked it. Anything else is
        doubtful, and the verdict says so (caveat `doubtful-read`): `unconfirmed` (one decoder,
        several scan lines), `single-read` (one scan line), `conflicting` (another text was read
        at the same place; see `alternatives`).
      type: object
      required: [level, reason]
      properties:
        level: {type: string, enum: [confirmed, unconfirmed, single-read, conflicting]}
        reason: {type: string, enum: [two-decoders, error-correction, one-decoder, blur-model, other-reading]}
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
