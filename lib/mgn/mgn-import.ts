import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { CustomResource, Stack, Stage } from 'aws-cdk-lib';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { Data, Props, ResourceTypes } from './handler/api';
import { mgnServiceToken } from './mgn-provider';

/** Properties of an `MgnImport`. */
export interface MgnImportProps {
  /** The import file's text (`importCsvFor()`): a header record and one record per server. */
  readonly csv: string;

  /** The VM of each data row, in row order: how failed rows are reported. */
  readonly rowVms: string[];

  /**
   * The name of the file written into the cloud assembly folder, without the `.csv` extension.
   *
   * @default - `<stack artifact id>.<construct id>.mgn-import`
   */
  readonly fileName?: string;
}

/**
 * An MGN inventory import (`Custom::MgnImport`): the import file, written into the cloud assembly and
 * uploaded as a CDK file asset (its object key is the content hash and ends in `.csv`, as StartImport
 * requires), imported with a client token derived from its content and followed until it ends; rows
 * that failed are reported by VM name. The same content imports once; a new content imports again
 * (MGN updates the servers it finds by user-provided id).
 *
 * The provider's role reads the `.csv` objects of the assets bucket (`MgnProvider`).
 */
export class MgnImport extends Construct {
  /**
   * The import's id, such as `import-0123456789abcdef0`.
   *
   * @attribute
   */
  public readonly importId: string;

  /** The asset that holds the file. */
  public readonly asset: s3assets.Asset;

  /** The hex SHA-256 of the file's content. */
  public readonly contentHash: string;

  /** The custom resource. */
  public readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: MgnImportProps) {
    super(scope, id);
    this.contentHash = crypto.createHash('sha256').update(props.csv, 'utf8').digest('hex');
    const stack = Stack.of(this);
    const fileName = `${props.fileName ?? `${stack.artifactId}.${id}.mgn-import`}.csv`;
    // The cloud assembly folder, beside the assessment reports: the asset is staged from there.
    const outdir = Stage.of(this)!.outdir;
    fs.mkdirSync(outdir, { recursive: true });
    const file = path.join(outdir, fileName);
    fs.writeFileSync(file, props.csv, 'utf8');
    this.asset = new s3assets.Asset(this, 'File', {
      path: file,
      // The content alone names the object: the same file uploads and imports once.
      assetHash: this.contentHash,
    });
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: mgnServiceToken(this),
      resourceType: ResourceTypes.IMPORT,
      properties: {
        [Props.DISPLAY_NAME]: `import ${fileName}`,
        [Props.BUCKET]: this.asset.s3BucketName,
        [Props.KEY]: this.asset.s3ObjectKey,
        [Props.CONTENT_HASH]: this.contentHash,
        [Props.ROW_VMS]: [...props.rowVms],
      },
    });
    this.importId = this.resource.getAttString(Data.IMPORT_ID);
  }
}
