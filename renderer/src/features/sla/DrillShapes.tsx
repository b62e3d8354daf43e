import type { KeyboardEvent } from 'react';
import { Rectangle, Sector, type BarShapeProps, type PieSectorShapeProps } from 'recharts';
import type { DrillRequest } from './slaDrill';

interface DrillTargetProps {
  request: DrillRequest;
  label: string;
  testId: string;
  onDrill: (r: DrillRequest) => void;
  children: React.ReactNode;
}

/**
 * Wraps one bar, point or slice so that it is a real control: it opens the tickets behind it on
 * click and on Enter/Space, has a name for screen readers, and carries the number it stands
 * for (data-expected) so tests can compare it with the drilled table's count.
 */
export function DrillTarget({ request, label, testId, onDrill, children }: DrillTargetProps) {
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onDrill(request);
    }
  };
  return (
    <g className="drillable" role="button" tabIndex={0} aria-label={label} data-testid={testId} data-expected={request.expected} onClick={() => onDrill(request)} onKeyDown={onKey}>
      {children}
    </g>
  );
}

type ToRequest<T> = (payload: T, index: number) => { request: DrillRequest; label: string } | null;

/** A recharts Bar shape whose rectangles drill down. Zero-height bars draw nothing. */
export function drillBar<T>(toRequest: ToRequest<T>, testId: string, onDrill: (r: DrillRequest) => void) {
  return function DrillBar(props: BarShapeProps) {
    const target = toRequest(props.payload as T, props.index);
    const { x, y, width, height } = props;
    // A colour on the data point (a slice with its own colour) wins over the series colour.
    const fill = (props.payload as { fill?: string } | undefined)?.fill ?? props.fill;
    if (!target || !width || !height) return <g />;
    return (
      <DrillTarget request={target.request} label={target.label} testId={testId} onDrill={onDrill}>
        <Rectangle x={x} y={y} width={width} height={height} fill={fill} radius={2} />
      </DrillTarget>
    );
  };
}

/** A recharts Pie shape whose sectors drill down. */
export function drillSector<T>(toRequest: ToRequest<T>, testId: string, onDrill: (r: DrillRequest) => void) {
  return function DrillSector(props: PieSectorShapeProps) {
    const target = toRequest(props.payload as T, props.index);
    const { cx, cy, innerRadius, outerRadius, startAngle, endAngle, fill } = props;
    const sector = <Sector cx={cx} cy={cy} innerRadius={innerRadius} outerRadius={outerRadius} startAngle={startAngle} endAngle={endAngle} fill={fill} stroke="var(--surface)" />;
    if (!target) return sector;
    return (
      <DrillTarget request={target.request} label={target.label} testId={testId} onDrill={onDrill}>
        {sector}
      </DrillTarget>
    );
  };
}
