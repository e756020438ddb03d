import { DesignView } from './_components/design-view';

export default async function DesignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <DesignView id={id} />;
}
